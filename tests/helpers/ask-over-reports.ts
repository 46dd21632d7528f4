import type { Answerer } from "../../src/answer/answerer.js";
import { ExtractiveAnswerer } from "../../src/answer/extractive/extractive-answerer.js";
import { offlineRewriter } from "../../src/conversation/rewrite-offline.js";
import { createAsk } from "../../src/engine/ask.js";
import { DossierError } from "../../src/errors.js";
import { silentLogger } from "../../src/logger.js";
import { createRetriever, type Retrieve } from "../../src/retrieval/retrieve.js";
import { memoryIndex, testEmbeddings } from "./memory-index.js";

/**
 * The `ask` use case over in-memory `reports` with the real retriever, the offline rewriter and `answerer`;
 * `retrieve` may wrap the real retriever to set what a test needs (a judgement, no candidates).
 */
export async function askOverReports(reports: Record<string, string>, answerer: Answerer, retrieve?: (real: Retrieve) => Retrieve) {
  const index = await memoryIndex(reports);
  const real = createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 });
  return createAsk({
    index: () => index,
    retrieve: retrieve ? retrieve(real) : real,
    answerer,
    rewriter: offlineRewriter,
    extractive: new ExtractiveAnswerer(),
    maxQuestionChars: 500,
    logger: silentLogger,
    noReports: () => new DossierError("NO_REPORTS", "no reports"),
    wideContext: { sentences: 3, chunks: 20 },
  });
}
