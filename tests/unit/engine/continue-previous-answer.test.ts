import { describe, expect, it } from "vitest";
import type { Turn } from "../../../src/conversation/turn.js";
import { continuingPreviousAnswer } from "../../../src/engine/continue-previous-answer.js";
import type { Judgement } from "../../../src/retrieval/answerability.js";
import type { Candidate, Retrieval } from "../../../src/retrieval/retrieve.js";
import { turn } from "../conversation/fixtures.js";

const REPORT = "afghanistan-pakistan-istanbul-talks";
const NOT_SURE: Judgement = { answerable: false, related: true, confidence: 0.4, reason: "not sure" };

/** A retrieval whose best candidate is sentence `index` of `reportId`; only the fields the rule reads matter. */
function retrieval(index: number, { reportId = REPORT, judgement = NOT_SURE, namesInOwnReport = true, typeAsked = 0, typeInSentence = 0, predicateMissing = 0, isQuestion = 0 } = {}): Retrieval {
  const features = { typeAsked, typeInSentence, predicateMissing, qualifierMissing: 0, countsSomethingElse: 0, namesAnother: 0, leftUnsaid: 0, isQuestion };
  const top = { sentence: { id: `${reportId}#${index}`, reportId, index, text: "…", start: 0, end: 1 }, report: { id: reportId }, score: 0.6, namesInOwnReport, features };
  return { candidates: [top as unknown as Candidate], judgement } as unknown as Retrieval;
}

/** The previous turn cited sentence 13 of the first report. */
const previous: Turn = { ...turn("What policy did he say the Islamic Emirate follows?", ["Mohammad Nabi Omari … follows a policy of non-interference."]) };
previous.citations = previous.citations!.map((c) => ({ ...c, sentenceId: `${REPORT}#13` }));

describe("a follow-up answered beside the previous answer's sentence", () => {
  it("answers with the sentence right after or before the cited one when the judgement was close but not sure", () => {
    for (const index of [12, 14]) {
      const judged = continuingPreviousAnswer(retrieval(index), previous, false).judgement;
      expect(judged).toMatchObject({ answerable: true, answerAt: 0, related: false });
    }
    // "How much did it cost?" answered by a neighbour that holds a sum.
    expect(continuingPreviousAnswer(retrieval(14, { typeAsked: 1, typeInSentence: 1 }), previous, false).judgement).toMatchObject({ answerable: true });
  });

  it("for a rewritten follow-up, passes over the cited sentence ranked first for the neighbour ranked second, which moves first as the answer", () => {
    const ranked = (...indexes: number[]): Retrieval => {
      const candidates = indexes.map((i) => retrieval(i).candidates[0]!);
      return { candidates, judgement: NOT_SURE } as unknown as Retrieval;
    };
    const settled = continuingPreviousAnswer(ranked(13, 14, 2), previous, true);
    expect(settled.judgement).toMatchObject({ answerable: true, answerAt: 0 });
    expect(settled.candidates.map((c) => c.sentence.index)).toEqual([14, 13, 2]);
    // Only the cited sentence is passed over: a third-ranked neighbour, or a second one behind another sentence, is not.
    for (const r of [ranked(13, 2, 14), ranked(2, 14)]) expect(continuingPreviousAnswer(r, previous, true)).toBe(r);
    // A question read as typed ranked the cited sentence first by its own words: it is about that passage.
    const asTyped = ranked(13, 14, 2);
    expect(continuingPreviousAnswer(asTyped, previous, false)).toBe(asTyped);
  });

  it("leaves every other case to the judgement", () => {
    const unchanged = [
      retrieval(13), // the cited sentence itself: the follow-up asks something new
      retrieval(15), // two sentences away
      retrieval(14, { reportId: "other-report" }),
      retrieval(14, { judgement: { ...NOT_SURE, related: false, reason: "nothing close" } }),
      retrieval(14, { judgement: { ...NOT_SURE, confidence: 0.17 } }), // the judgement is not torn but against
      retrieval(14, { namesInOwnReport: false }),
      retrieval(14, { isQuestion: 1 }), // an interviewer's question beside the answer the previous turn cited
      retrieval(14, { predicateMissing: 1 }),
      retrieval(14, { typeAsked: 1, typeInSentence: 0 }), // asks for a sum, an age, a date…: a neighbour without one does not answer
    ];
    for (const r of unchanged) expect(continuingPreviousAnswer(r, previous, false)).toBe(r);
    expect(continuingPreviousAnswer(retrieval(14), turn("Who is Omar Samad?"), false)).toMatchObject({ judgement: NOT_SURE });
    // A cited sentence beside another cited one is still what was already answered.
    const two = { ...previous, citations: [...previous.citations!, { ...previous.citations![0]!, n: 2, sentenceId: `${REPORT}#14` }] };
    expect(continuingPreviousAnswer(retrieval(14), two, false)).toMatchObject({ judgement: NOT_SURE });
    expect(continuingPreviousAnswer(retrieval(14), undefined, false)).toMatchObject({ judgement: NOT_SURE });
  });
});
