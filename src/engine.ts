import type { Logger } from "pino";
import type { Answerer } from "./answer/answerer.js";
import { ExtractiveAnswerer } from "./answer/extractive-answerer.js";
import { type Config, usesChatModel } from "./config.js";
import { createEmbeddings } from "./embeddings/create-embeddings.js";
import type { DossierEmbeddings } from "./embeddings/embeddings-contract.js";
import { createAddReport } from "./engine/add-report.js";
import type { Engine, IngestOptions, IngestSummary, ReportContext } from "./engine-types.js";
import { createAsk } from "./engine/ask.js";
import { DossierError } from "./errors.js";
import { readGeneration } from "./index/index-files.js";
import { ingestPaths } from "./index/ingest.js";
import { findStaleness } from "./index/staleness.js";
import { silentLogger } from "./logger.js";
import { createRetriever } from "./retrieval/retrieve.js";
import { SearchIndex } from "./retrieval/search-index.js";
import { preloadSynonyms } from "./text/synonyms.js";

export interface EngineOptions {
  logger?: Logger;
  embeddings?: DossierEmbeddings;
  answerer?: Answerer;
  /** Build the index from the corpus folder when it is missing, and update it when the corpus changed (default true). */
  autoIngest?: boolean;
  /** One-line notices for the user (index being built or updated). */
  onNotice?: (message: string) => void;
}

export async function createEngine(config: Config, options: EngineOptions = {}): Promise<Engine> {
  const logger = options.logger ?? silentLogger;
  const embeddings = options.embeddings ?? (await createEmbeddings(config));
  const extractive = new ExtractiveAnswerer();
  const answerer = options.answerer ?? (usesChatModel(config) ? await createChatAnswerer(config, extractive, logger) : extractive);
  const ingestContext = { config, embeddings, logger };

  const autoIngest = options.autoIngest ?? true;
  const refresh = async (notice: string, rebuild = false) => {
    options.onNotice?.(notice);
    try {
      const summary = await ingestPaths([config.corpusDir], ingestContext, { rebuild });
      for (const s of summary.skipped) options.onNotice?.(`Skipped ${s.reason}`);
    } catch (error) {
      // Another process is ingesting: the live index still answers, and the other run will bring it up to date.
      if (!(error instanceof DossierError && error.code === "BUSY")) throw error;
      options.onNotice?.(`${error.message} Answering from the current index meanwhile.`);
    }
  };
  if (autoIngest) {
    const stale = await findStaleness(config, embeddings.embedder.name);
    if (stale) await refresh(stale.notice);
  }
  preloadSynonyms();
  const [loaded] = await Promise.all([loadOrRepair(), embeddings.warmUp?.()]);
  let index = loaded;

  /** A corrupt index (a truncated or missing file the manifest names) is rebuilt once when auto-ingest is on. */
  async function loadOrRepair(): Promise<SearchIndex> {
    try {
      return await loadIndex(config, embeddings);
    } catch (error) {
      if (!(autoIngest && error instanceof DossierError && error.code === "INDEX_CORRUPT")) throw error;
      await refresh(`${error.message.replace(/: run .*$/, "")}; rebuilding it from the corpus…`, true);
      return loadIndex(config, embeddings);
    }
  }
  let ingestQueue: Promise<unknown> = Promise.resolve();

  const retrieve = createRetriever({ index: () => index, embedQuery: (text) => embeddings.embedQuery(text), topK: config.topK });
  const ask = createAsk({ index: () => index, retrieve, answerer, extractive, maxQuestionChars: config.maxQuestionChars, logger });

  const ingest = (paths: string[], ingestOptions: IngestOptions = {}): Promise<IngestSummary> => {
    const run = ingestQueue.then(async () => {
      const summary = await ingestPaths(paths, ingestContext, ingestOptions);
      if (summary.changed) index = await loadIndex(config, embeddings);
      return summary;
    });
    ingestQueue = run.catch(() => undefined);
    return run;
  };

  const context = (sentenceId: string, radius = 1): ReportContext | undefined => {
    const found = index.sentence(sentenceId);
    if (!found) return undefined;
    const all = index.sentencesOf(found.report.id);
    const at = found.sentence.index;
    return {
      report: found.report,
      sentences: all.slice(Math.max(0, at - radius), at + radius + 1).map((s) => s.sentence),
    };
  };

  return {
    ask,
    ingest,
    addReport: createAddReport(config, ingest),
    context,
    reports: () => index.reports,
    close: async () => {
      await ingestQueue;
    },
  };
}

async function loadIndex(config: Config, embeddings: DossierEmbeddings): Promise<SearchIndex> {
  const generation = await readGeneration(config.indexDir);
  const built = generation.manifest.embedder;
  if (built.name !== embeddings.embedder.name || built.dimensions !== embeddings.embedder.dimensions) {
    throw new DossierError(
      "EMBEDDER_MISMATCH",
      `The index was built with ${built.name} (${built.dimensions} dimensions) but the configuration uses ${embeddings.embedder.name}: run \`npm run ingest -- --rebuild\` to re-embed the reports.`,
    );
  }
  return new SearchIndex(generation);
}

async function createChatAnswerer(config: Config, fallback: Answerer, logger: Logger): Promise<Answerer> {
  const { LlmAnswerer } = await import("./answer/chat/llm-answerer.js");
  return new LlmAnswerer({ config, fallback, logger });
}
