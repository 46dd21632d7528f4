import { describe, expect, it } from "vitest";
import { confirmRewrittenAnswer, notAnsweredWithAQuestion, OWN_WORDS_RANKS } from "../../../src/engine/check-follow-up-answer.js";
import type { Judgement } from "../../../src/retrieval/answerability.js";
import type { Candidate, Retrieval } from "../../../src/retrieval/retrieve.js";

const ANSWERED: Judgement = { answerable: true, related: false, answerAt: 0, confidence: 0.8, reason: "confident" };
const NOT_SURE: Judgement = { answerable: false, related: true, confidence: 0.4, reason: "not sure" };

/** A retrieval ranking sentences `ids` of one report in that order; only the fields the checks read matter. */
function retrieval(ids: number[], judgement = ANSWERED, texts: Record<number, string> = {}): Retrieval {
  const candidates = ids.map((index) => ({ sentence: { id: `r#${index}`, reportId: "r", index, text: texts[index] ?? `Sentence ${index}.` }, report: { id: "r" } }));
  return { candidates: candidates as unknown as Candidate[], judgement } as unknown as Retrieval;
}

describe("a rewritten follow-up's answer, checked against the follow-up's own words", () => {
  it("stands when the follow-up read with its own words ranks the answer among the first few", () => {
    const rewritten = retrieval([7, 2, 3]);
    for (const own of [retrieval([7, 1], NOT_SURE), retrieval([1, 2, 7].slice(0, OWN_WORDS_RANKS), NOT_SURE)]) {
      expect(confirmRewrittenAnswer(rewritten, own)).toBe(rewritten);
    }
  });

  it("turns into 'not sure', showing the passages, when the own words rank it lower or not at all", () => {
    const own = retrieval([...Array.from({ length: OWN_WORDS_RANKS }, (_, i) => i + 10), 7], NOT_SURE);
    const checked = confirmRewrittenAnswer(retrieval([7, 2, 3]), own);
    expect(checked.judgement).toMatchObject({ answerable: false, related: true, answerAt: undefined });
    expect(checked.candidates.map((c) => c.sentence.id)).toEqual(["r#7", "r#2", "r#3"]);
  });

  it("leaves an abstention alone", () => {
    const abstained = retrieval([7], NOT_SURE);
    expect(confirmRewrittenAnswer(abstained, retrieval([1], NOT_SURE))).toBe(abstained);
  });
});

describe("a follow-up is never answered with a question", () => {
  it("says it is not sure when the sentence found asks a question, quoted or in bold", () => {
    for (const text of ["What went wrong?", "Will people who live on the islands pay the same increase?", "“Why now?”", "**Could it happen again?**"]) {
      expect(notAnsweredWithAQuestion(retrieval([4], ANSWERED, { 4: text })).judgement).toMatchObject({ answerable: false, related: true });
    }
  });

  it("answers with a sentence that states something, even one quoting a question inside it", () => {
    const stated = retrieval([4], ANSWERED, { 4: "The yard ran into problems with its battery supplier." });
    expect(notAnsweredWithAQuestion(stated)).toBe(stated);
    const inside = retrieval([4], ANSWERED, { 4: "“Why now?” she asked, before the vote was held." });
    expect(notAnsweredWithAQuestion(inside)).toBe(inside);
  });
});
