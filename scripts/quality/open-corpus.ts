import { createHash } from "node:crypto";
import path from "node:path";
import { ExtractiveAnswerer } from "../../src/answer/extractive/extractive-answerer.js";
import { offlineRewriter } from "../../src/conversation/rewrite-offline.js";
import { type Config, loadConfig } from "../../src/config.js";
import { createAsk } from "../../src/engine/ask.js";
import { createEmbeddings } from "../../src/embeddings/create-embeddings.js";
import type { DossierEmbeddings } from "../../src/embeddings/embeddings-contract.js";
import { DossierError } from "../../src/errors.js";
import { readGeneration } from "../../src/index/index-files.js";
import { ingestPaths } from "../../src/index/ingest.js";
import { silentLogger } from "../../src/logger.js";
import type { AnswerabilityModel } from "../../src/retrieval/answerability-model.js";
import { createRetriever } from "../../src/retrieval/retrieve.js";
import { SearchIndex } from "../../src/retrieval/search-index.js";

export interface OpenCorpus {
  config: Config;
  index: SearchIndex;
  embeddings: DossierEmbeddings;
}

/**
 * Ingests report folders into an index of their own under data/eval/ (kept between runs, so only changed reports
 * are embedded again) and loads it.
 */
export async function openCorpus(corpusDirs: string[]): Promise<OpenCorpus> {
  const resolved = corpusDirs.map((d) => path.resolve(d)).sort();
  const key = createHash("sha256").update(resolved.join("\n")).digest("hex").slice(0, 12);
  const config = loadConfig({ ...process.env, CORPUS_DIR: resolved[0], DATA_DIR: path.resolve("data/eval", key), INDEX_DIR: undefined, LOG_LEVEL: "silent" });
  const embeddings = await createEmbeddings(config);
  const summary = await ingestPaths(resolved, { config, embeddings, logger: silentLogger });
  for (const s of summary.skipped) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
  return { config, index: new SearchIndex(await readGeneration(config.indexDir)), embeddings };
}

/** The offline `ask` over that index, with a given answerability model (one fitted without the reports scored). */
export function offlineAsk(corpus: OpenCorpus, model?: AnswerabilityModel) {
  const index = () => corpus.index;
  const retrieve = createRetriever({ index, embedQuery: (q) => corpus.embeddings.embedQuery(q), topK: corpus.config.topK, model });
  const extractive = new ExtractiveAnswerer();
  return {
    retrieve,
    ask: createAsk({
      index,
      retrieve,
      answerer: extractive,
      extractive,
      rewriter: offlineRewriter,
      maxQuestionChars: corpus.config.maxQuestionChars,
      logger: silentLogger,
      noReports: () => new DossierError("NO_REPORTS", "no reports"),
      // Read only by a chat model, which these offline figures do not use.
      wideContext: { sentences: corpus.config.contextSentences, chunks: corpus.config.topK },
    }),
  };
}
