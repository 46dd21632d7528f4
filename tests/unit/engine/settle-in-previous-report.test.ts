import { describe, expect, it } from "vitest";
import { SETTLES_FROM, settledInPreviousReport } from "../../../src/engine/settle-in-previous-report.js";
import type { Judgement } from "../../../src/retrieval/answerability.js";
import type { Candidate, Retrieval } from "../../../src/retrieval/retrieve.js";

const REPORT = "riverton-city-budget";
const POOLS = "The parks department's budget falls by 3.5 percent, to $14.2 million, and two seasonal swimming pools will stay closed next summer.";
const NOT_SURE: Judgement = { answerable: false, related: true, confidence: 0.55, reason: "not sure" };

/** A retrieval whose best candidate is sentence `index` of `reportId`; only the fields the rule reads matter. */
function retrieval(index: number, { reportId = REPORT, text = POOLS, judgement = NOT_SURE, namesInOwnReport = true, typeAsked = 0, typeInSentence = 0, predicateMissing = 0 } = {}): Retrieval {
  const features = { typeAsked, typeInSentence, predicateMissing, qualifierMissing: 0, countsSomethingElse: 0, namesAnother: 0, leftUnsaid: 0, isQuestion: 0 };
  const top = { sentence: { id: `${reportId}#${index}`, reportId, index, text, start: 0, end: 1 }, report: { id: reportId }, score: 0.3, namesInOwnReport, features };
  return { candidates: [top as unknown as Candidate], judgement } as unknown as Retrieval;
}


describe("a close call settled by the report the previous answer came from", () => {
  it("answers with the best passage when it is in that report, the follow-up as typed ranks it first too, and the model leans to it", () => {
    const settled = settledInPreviousReport(retrieval(20), retrieval(20), "and the pools?", REPORT).judgement;
    expect(settled).toMatchObject({ answerable: true, related: false, answerAt: 0 });
    // A name the follow-up brings is in the passage.
    expect(settledInPreviousReport(retrieval(20), retrieval(20), "and the Parks department?", REPORT).judgement).toMatchObject({ answerable: true });
  });

  it("takes an elliptic follow-up's passage saying its subject as found by its own words, which are only that subject", () => {
    expect(settledInPreviousReport(retrieval(20), retrieval(21), "and the pools?", REPORT, "the pools").judgement).toMatchObject({ answerable: true, answerAt: 0 });
    expect(settledInPreviousReport(retrieval(20), retrieval(21), "and the rinks?", REPORT, "the rinks").judgement).toMatchObject({ answerable: false });
  });

  it("leaves every other case to the judgement", () => {
    const unchanged: Array<[Retrieval, Retrieval, string]> = [
      [retrieval(20, { judgement: { ...NOT_SURE, confidence: SETTLES_FROM - 0.01 } }), retrieval(20), "and the pools?"], // the model leans the other way
      [retrieval(20, { judgement: { ...NOT_SURE, related: false, reason: "nothing close" } }), retrieval(20), "and the pools?"],
      [retrieval(20, { reportId: "valley-flood-emergency" }), retrieval(20, { reportId: "valley-flood-emergency" }), "and the pools?"], // another report
      [retrieval(20), retrieval(21), "and the pools?"], // the follow-up's own words point elsewhere: the reading led there
      [retrieval(20, { namesInOwnReport: false }), retrieval(20), "and the pools?"],
      [retrieval(20, { predicateMissing: 1 }), retrieval(20), "and the pools?"],
      [retrieval(20, { typeAsked: 1, typeInSentence: 0 }), retrieval(20), "when?"], // asks for a date the passage does not hold
      [retrieval(20), retrieval(20), "will they appeal to the Supreme Court?"], // a name of its own the passage does not say
      [retrieval(20), retrieval(20), "how was it discovered?"], // an explanation, which no check here can see
      [retrieval(20), retrieval(20), "and why?"],
      [retrieval(20), retrieval(20), "will the pools stay closed?"], // yes or no: its words are there whatever the answer
      [retrieval(20), retrieval(20), "how big was it?"], // no word of its own: its own words agreeing checks nothing
      [retrieval(20), retrieval(20), "how deep was it?"], // nor here: "how deep" is a question word as "how big" is
    ];
    for (const [r, own, asked] of unchanged) expect(settledInPreviousReport(r, own, asked, REPORT)).toBe(r);
    // The previous turn cited nothing (it may have shown passages: they were near, not found), or there was none.
    expect(settledInPreviousReport(retrieval(20), retrieval(20), "and the pools?", undefined)).toMatchObject({ judgement: NOT_SURE });
    // Not rewritten, the follow-up's own words are the same retrieval: no independent check, nothing settled.
    const asTyped = retrieval(20);
    expect(settledInPreviousReport(asTyped, asTyped, "how much will the pools cost?", REPORT)).toBe(asTyped);
    // Already answerable: nothing to settle.
    const sure = retrieval(20, { judgement: { answerable: true, related: false, answerAt: 0, confidence: 0.9, reason: "confident" } });
    expect(settledInPreviousReport(sure, retrieval(21), "and the pools?", REPORT)).toBe(sure);
  });
});
