import { describe, expect, it } from "vitest";
import type { AnswerRequest, Answerer } from "../../../src/answer/answerer.js";
import { ExtractiveAnswerer } from "../../../src/answer/extractive/extractive-answerer.js";
import { offlineRewriter } from "../../../src/conversation/rewrite-offline.js";
import { createAsk } from "../../../src/engine/ask.js";
import { SETTLED_BY, settled } from "../../../src/engine/settle-close-call.js";
import { silentLogger } from "../../../src/logger.js";
import { createRetriever, type Retrieval } from "../../../src/retrieval/retrieve.js";
import { memoryIndex, testEmbeddings } from "../../helpers/memory-index.js";

const REPORT = [
  "Peggy Whitson was born in 1960 in Iowa.",
  "She flew to the space station three times.",
  "Whitson has two children and lives in Houston.",
  "She retired from NASA in 2018.",
].join(" ");

/** The offline answerer, recording the candidates it was offered. */
function recordingExtractive(): Answerer & { offered: AnswerRequest["candidates"][] } {
  const inner = new ExtractiveAnswerer();
  const offered: AnswerRequest["candidates"][] = [];
  return { name: inner.name, offered, answer: (request) => (offered.push(request.candidates), inner.answer(request)) };
}

/** Asks with every retrieval's judgement replaced by `judge`'s. */
async function offeredWith(judge: (r: Retrieval) => Retrieval) {
  const index = await memoryIndex({ whitson: REPORT });
  const real = createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 });
  const answerer = recordingExtractive();
  const ask = createAsk({
    index: () => index,
    retrieve: async (q, o) => judge(await real(q, o)),
    answerer,
    rewriter: offlineRewriter,
    extractive: new ExtractiveAnswerer(),
    maxQuestionChars: 500,
    logger: silentLogger,
    noReports: () => "no reports",
    wideContext: { sentences: 3, chunks: 20 },
  });
  const answer = await ask("How many children does Peggy Whitson have?");
  return { offered: answer.abstained ? [] : answerer.offered[0]!, answer };
}

describe("an answer the conversation settled", () => {
  it("is offered only the passage that was checked, where a sure answer is offered its close neighbours too", async () => {
    const close = (r: Retrieval) => ({ ...r, judgement: { ...r.judgement, answerable: false, related: true, answerAt: undefined } });
    for (const reason of Object.values(SETTLED_BY)) {
      const { offered, answer } = await offeredWith((r) => settled(close(r), reason));
      expect(offered.map((c) => c.sentence.id)).toHaveLength(1);
      expect(answer.citations.map((c) => c.sentenceId)).toEqual([offered[0]!.sentence.id]);
    }
    const sure = await offeredWith((r) => ({ ...r, judgement: { ...r.judgement, answerable: true, related: false, answerAt: 0, reason: "confident" } }));
    expect(sure.offered.length).toBeGreaterThan(1);
  });
});
