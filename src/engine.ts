import type { Logger } from "pino";
import type { Answerer } from "./answer/answerer.js";
import { ExtractiveAnswerer } from "./answer/extractive/extractive-answerer.js";
import { type Config, usesChatModel } from "./config.js";
import type { FollowUpRewriter } from "./conversation/follow-up-reading.js";
import { offlineRewriter } from "./conversation/rewrite-offline.js";
import { createEmbeddings } from "./embeddings/create-embeddings.js";
import type { DossierEmbeddings } from "./embeddings/embeddings-contract.js";
import { createAddReport } from "./engine/add-report.js";
import { createAddUrlReport } from "./engine/add-url-report.js";
import type { Engine } from "./engine-types.js";
import { createAsk } from "./engine/ask.js";
import { createContext } from "./engine/context.js";
import { childProcessRunner, inProcessRunner } from "./engine/ingest-runner.js";
import { createIngestQueue } from "./engine/ingest-queue.js";
import { loadIndex } from "./engine/load-index.js";
import { noReportsError, openIndex } from "./engine/open-index.js";
import { watchIndex } from "./engine/watch-index.js";
import { removeReports } from "./engine/remove-report.js";
import { silentLogger } from "./logger.js";
import { openIndexStore } from "./store/open-index-store.js";
import type { AnswerabilityModel } from "./retrieval/answerability-model.js";
import { createRetriever } from "./retrieval/retrieve.js";
import { preloadSynonyms } from "./text/synonyms.js";

/** How many times over the chat model's context its retrieval pool could fill (see createEngine). */
const CONTEXT_POOL = 3;

export interface EngineOptions {
  logger?: Logger;
  embeddings?: DossierEmbeddings;
  answerer?: Answerer;
  /** Reads follow-ups as standalone questions (default: the chat model when one is configured, else offline rules). */
  rewriter?: FollowUpRewriter;
  /** Build the index from the corpus folder when it is missing, and update it when the corpus changed (default true). */
  autoIngest?: boolean;
  /** One-line notices for the user (index being built or updated). */
  onNotice?: (message: string) => void;
  /** Default: the shipped model. Cross-validation passes one fitted without the reports it asks about. */
  answerabilityModel?: AnswerabilityModel;
}

export async function createEngine(config: Config, options: EngineOptions = {}): Promise<Engine> {
  const logger = options.logger ?? silentLogger;
  const embeddings = options.embeddings ?? (await createEmbeddings(config));
  const extractive = new ExtractiveAnswerer();
  const answerer = options.answerer ?? (usesChatModel(config) ? await createChatAnswerer(config, extractive, logger) : extractive);
  const notify = options.onNotice ?? (() => undefined);
  const rewriter = options.rewriter ?? (usesChatModel(config) ? await createChatRewriter(config, logger) : offlineRewriter);

  preloadSynonyms();
  // Worker threads load the model the configuration names; injected embeddings cannot cross into them (nor into a
  // child process, below), so an engine given its embeddings embeds in this thread.
  const workers = options.embeddings ? 1 : config.ingestWorkers;
  const store = await openIndexStore(config);
  const open = async () => {
    const seen = await store.version();
    const [opened] = await Promise.all([
      openIndex({ config, embeddings, store, run: inProcessRunner({ config, embeddings, logger, store }, workers), autoIngest: options.autoIngest ?? true, notify, logger }),
      embeddings.warmUp?.(),
    ]);
    return { opened, seen };
  };
  // A database connection left open would keep a failed start-up's process alive.
  const { opened, seen } = await open().catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  let index = opened;
  const watch = watchIndex(store, seen, () => loadIndex(store, embeddings), (loaded) => (index = loaded), logger);
  const queue = createIngestQueue(options.embeddings ? inProcessRunner({ config, embeddings, logger, store }, 1) : childProcessRunner(config, store), async () => {
    await watch.reload(await store.version());
  });

  const retrieve = createRetriever({ index: () => index, embedQuery: (text) => embeddings.embedQuery(text), topK: config.topK, model: options.answerabilityModel });
  // Chunks enough to fill the chat model's context three times over (overlap counted once), so the ranking, not the
  // pool, decides what it reads: with 23 reports in the corpus, a pool that could only just fill 40 sentences handed
  // the perfect reader the supporting sentence for 95.5 % of the bank's first two files, three times that 96.8 %.
  const wideContext = {
    sentences: config.contextSentences,
    chunks: Math.max(config.topK, CONTEXT_POOL * Math.ceil(config.contextSentences / (config.chunkSentences - config.chunkOverlap))),
  };
  const ask = createAsk({ index: () => index, retrieve, answerer, extractive, rewriter, maxQuestionChars: config.maxQuestionChars, logger, noReports: () => noReportsError(config), wideContext });

  return {
    ask,
    ingest: queue.ingest,
    addReport: createAddReport(config, queue.ingest),
    addUrlReport: createAddUrlReport(queue.ingest, config.corpusDir),
    removeReports: (ids) => queue.change(() => removeReports(ids, config, store, logger)),
    context: createContext(() => index),
    reports: () => index.reports,
    close: async () => {
      watch.stop();
      await queue.drained();
      await store.close();
    },
  };
}

async function createChatRewriter(config: Config, logger: Logger): Promise<FollowUpRewriter> {
  const { ChatRewriter } = await import("./conversation/rewrite-with-chat-model.js");
  return new ChatRewriter({ config, fallback: offlineRewriter, logger });
}

async function createChatAnswerer(config: Config, fallback: Answerer, logger: Logger): Promise<Answerer> {
  const { LlmAnswerer } = await import("./answer/chat/llm-answerer.js");
  return new LlmAnswerer({ config, fallback, logger });
}
