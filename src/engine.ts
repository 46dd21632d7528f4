import type { Logger } from "pino";
import { ABSTAIN_TEXT, type Answer } from "./answer/answer.js";
import type { AnswerDraft, Answerer } from "./answer/answerer.js";
import { ExtractiveAnswerer } from "./answer/extractive-answerer.js";
import { type Config, usesChatModel } from "./config.js";
import { createEmbeddings } from "./embeddings/create-embeddings.js";
import type { DossierEmbeddings } from "./embeddings/embeddings-contract.js";
import type { AskOptions, Engine, IngestOptions, IngestSummary, ReportContext } from "./engine-types.js";
import { DossierError } from "./errors.js";
import { readGeneration } from "./index/index-files.js";
import { ingestPaths } from "./index/ingest.js";
import { findStaleness } from "./index/staleness.js";
import { silentLogger } from "./logger.js";
import { judgeAnswerability } from "./retrieval/answerability.js";
import { hybridSearch } from "./retrieval/hybrid-search.js";
import { analyseQuestion } from "./retrieval/question-analysis.js";
import { rankSentences } from "./retrieval/rank-sentences.js";
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

// How many ranked sentences the answerer may choose from.
const CANDIDATES = 8;

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

  const ask = async (question: string, opts: AskOptions = {}): Promise<Answer> => {
    const started = performance.now();
    const text = validateQuestion(question, config.maxQuestionChars);
    const current = index;
    const reportIds = opts.reportIds?.length ? [...new Set(opts.reportIds)] : undefined;
    const unknown = reportIds?.filter((id) => !current.hasReport(id)) ?? [];
    if (unknown.length > 0) {
      const known = current.reports.map((r) => r.id).slice(0, 10).join(", ") || "none";
      throw new DossierError("UNKNOWN_REPORT", `Unknown report ${unknown.join(", ")}; known reports: ${known}.`);
    }

    const analysed = analyseQuestion(text);
    const t0 = performance.now();
    const queryVector = await embeddings.embedQuery(text);
    const t1 = performance.now();
    const hits = hybridSearch(current, analysed.lexicalQuery, queryVector, opts.k ?? config.topK, reportIds);
    const ranked = rankSentences(current, analysed, queryVector, hits);
    const judgement = judgeAnswerability(current, analysed, ranked, reportIds);
    const t2 = performance.now();
    logger.debug({ question: text, answerType: analysed.answerType, judgement, top: ranked.slice(0, 8).map((r) => ({ id: r.sentence.id, text: r.sentence.text, score: r.score, ...r.evidence })) }, "retrieval");

    let draft: AnswerDraft;
    if (!judgement.answerable) {
      // Decided by retrieval before any model is asked, so it is labelled as our own (extractive) answer.
      draft = { text: ABSTAIN_TEXT, abstained: true, citations: [], mode: "extractive" };
    } else {
      const candidates = ranked.slice(0, CANDIDATES).map((r) => ({
        sentence: r.sentence,
        report: r.report,
        score: r.score,
        previous: current.sentencesOf(r.report.id)[r.sentence.index - 1]?.sentence,
      }));
      draft = await answerer.answer({ question: text, candidates, onToken: opts.onToken, signal: opts.signal });
      if (!citationsAreVerbatim(draft, current)) {
        logger.error({ question: text, answerer: answerer.name }, "answer cited text that is not in the index; using the extractive answer");
        draft = { ...(await extractive.answer({ question: text, candidates })), mode: "extractive-fallback", note: "citation check failed" };
      }
    }
    const t3 = performance.now();
    return {
      question: text,
      ...draft,
      timings: { embedMs: t1 - t0, retrieveMs: t2 - t1, answerMs: t3 - t2, totalMs: t3 - started },
    };
  };

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
      focus: sentenceId,
    };
  };

  return {
    ask,
    ingest,
    context,
    reports: () => index.reports,
    close: async () => {
      await ingestQueue;
    },
  };
}

function validateQuestion(question: string, maxChars: number): string {
  const text = question.replace(/\s+/g, " ").trim();
  if (text === "") throw new DossierError("EMPTY_QUESTION", "Please ask a question: the text was empty.");
  if (text.length > maxChars) {
    throw new DossierError("QUESTION_TOO_LONG", `That question is ${text.length} characters; the limit is ${maxChars}. Please shorten it.`);
  }
  return text;
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

/** Every citation must be a sentence of the live index, with text equal to its slice of the report. */
function citationsAreVerbatim(draft: AnswerDraft, index: SearchIndex): boolean {
  return draft.citations.every((c) => {
    const found = index.sentence(c.sentenceId);
    const report = found && index.generation.reports.get(found.report.id);
    return found !== undefined && report !== undefined && c.text === found.sentence.text && report.text.slice(c.start, c.end) === c.text;
  });
}

async function createChatAnswerer(config: Config, fallback: Answerer, logger: Logger): Promise<Answerer> {
  const { LlmAnswerer } = await import("./answer/chat/llm-answerer.js");
  return new LlmAnswerer({ config, fallback, logger });
}
