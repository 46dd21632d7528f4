import { describe, expect, it } from "vitest";
import type { Citation } from "../../../src/answer/answer.js";
import type { Turn } from "../../../src/conversation/turn.js";
import { FOLLOW_UP_FEATURE_NAMES, followUpEvidence } from "../../../src/engine/follow-up-evidence.js";
import { checkFollowUpModel, type FollowUpModel, shippedFollowUpModel } from "../../../src/engine/follow-up-model.js";
import { settledByFollowUpModel } from "../../../src/engine/settle-by-follow-up-model.js";
import { settledByConversation } from "../../../src/engine/settle-close-call.js";
import { VETOED_BY } from "../../../src/engine/check-follow-up-answer.js";
import type { Judgement } from "../../../src/retrieval/answerability.js";
import { shippedModelDigest } from "../../../src/retrieval/answerability-model.js";
import type { Candidate, Retrieval } from "../../../src/retrieval/retrieve.js";

const REPORT = "riverton-city-budget";
const NOT_SURE: Judgement = { answerable: false, related: true, confidence: 0.4, reason: "not sure" };

/** A candidate: sentence `index` of `reportId`; only the fields the evidence reads matter. */
function candidate(index: number, text: string, { reportId = REPORT, score = 0.5, namesInOwnReport = true, typeAsked = 0, typeInSentence = 0, predicateMissing = 0, isQuestion = 0, coverage = 0.5 } = {}): Candidate {
  const features = { typeAsked, typeInSentence, predicateMissing, qualifierMissing: 0, countsSomethingElse: 0, namesAnother: 0, leftUnsaid: 0, isQuestion, coverage };
  return { sentence: { id: `${reportId}#${index}`, reportId, index, text, start: 0, end: text.length }, report: { id: reportId }, score, namesInOwnReport, features } as unknown as Candidate;
}
const retrieval = (candidates: Candidate[], judgement = NOT_SURE) => ({ candidates, judgement }) as unknown as Retrieval;
const citation = (reportId: string, index: number): Citation => ({ n: 1, reportId, title: "", sentenceId: `${reportId}#${index}`, text: "…", start: 0, end: 1, source: { kind: "text" } });
/** The previous turn cited sentence 10 of the budget report and, before it, a turn showed sentence 20 as related. */
const history: Turn[] = [
  { question: "What happens to the parks department in the budget?", related: [citation(REPORT, 30)], citations: [] },
  { question: "How much is going to the police?", citations: [citation(REPORT, 10)], related: [citation(REPORT, 20)] },
];

/** A model that weighs one feature only: its probability rises with it, and it answers from `threshold`. */
function weighing(feature: (typeof FOLLOW_UP_FEATURE_NAMES)[number], threshold = 2): FollowUpModel {
  return { version: 1, features: [...FOLLOW_UP_FEATURE_NAMES], mean: FOLLOW_UP_FEATURE_NAMES.map(() => 0), scale: FOLLOW_UP_FEATURE_NAMES.map(() => 1), weights: FOLLOW_UP_FEATURE_NAMES.map((f) => (f === feature ? 10 : 0)), bias: -5, threshold };
}

describe("the conversation's evidence for a follow-up's candidates", () => {
  it("says how near each sits to what the previous turn cited or showed, whether it is in the conversation's reports, and how many words typed it says", () => {
    const evidence = followUpEvidence(
      [candidate(11, "Two seasonal swimming pools will stay closed."), candidate(20, "The pools cost 1.2 million a year."), candidate(3, "Parks elsewhere.", { reportId: "other" })],
      history,
      "and the pools?",
    );
    expect(evidence.map((e) => e.features)).toEqual([
      { score: 0.5, rank: 1, coverage: 0.5, typedWords: 1, holdsAskedFact: 1, previousReport: 1, conversationReport: 1, nearCited: 0.5, nearShown: 1 / 10 },
      { score: 0.5, rank: 1 / 2, coverage: 0.5, typedWords: 1, holdsAskedFact: 1, previousReport: 1, conversationReport: 1, nearCited: 1 / 11, nearShown: 1 },
      { score: 0.5, rank: 1 / 3, coverage: 0.5, typedWords: 0, holdsAskedFact: 1, previousReport: 0, conversationReport: 0, nearCited: 0, nearShown: 0 },
    ]);
  });

  it("weighs no sentence an earlier turn cited, none that may not answer, and none below the first eight", () => {
    const weighed = followUpEvidence(
      [candidate(10, "cited"), candidate(12, "a question?", { isQuestion: 1 }), candidate(13, "no verb", { predicateMissing: 1 }), candidate(14, "a name elsewhere", { namesInOwnReport: false }), candidate(15, "kept", { typeAsked: 1 }), ...[16, 17, 18, 19].map((i) => candidate(i, "kept")), candidate(21, "ninth")],
      history,
      "how much?",
    );
    expect(weighed.map((e) => [e.at, e.features.holdsAskedFact])).toEqual([[4, 0], [5, 1], [6, 1], [7, 1]]);
  });
});

describe("a follow-up the judgement was not sure of, weighed by the follow-up model", () => {
  const ranked = [candidate(40, "far away"), candidate(11, "beside the previous answer"), candidate(10, "the previous answer")];

  it("answers with the likeliest candidate when the model is sure enough, citing it alone", () => {
    const { retrieval: settled, weighed } = settledByFollowUpModel(retrieval(ranked), history, "and the pools?", weighing("nearCited", 0.5), true);
    expect(settled.judgement).toMatchObject({ answerable: true, related: false, answerAt: 0 });
    expect(settledByConversation(settled.judgement)).toBe(true);
    expect(settled.candidates.map((c) => c.sentence.index)).toEqual([11, 40, 10]);
    expect(weighed.map((w) => w.candidate.sentence.index)).toEqual([11, 40]);
  });

  it("does not answer where a check overruled the judgement, nor with a candidate lacking the kind of fact asked for", () => {
    // A yes-or-no follow-up whose every typed word is in the sentence beside the previous answer: the check says the
    // sentence answers neither yes nor no, though the model weighs it highest.
    const vetoed: Judgement = { ...NOT_SURE, reason: VETOED_BY.yesOrNoWords };
    const overruled = settledByFollowUpModel(retrieval(ranked, vetoed), history, "did the pools close?", weighing("nearCited", 0.5), true).retrieval;
    expect(overruled.judgement).toEqual(vetoed);
    expect(overruled.candidates[0]!.sentence.index).toBe(11);
    // Nor one without the kind of fact asked for ("how much?" answered by a sentence with no sum).
    const noSum = [candidate(11, "beside the previous answer", { typeAsked: 1 }), candidate(40, "far away")];
    expect(settledByFollowUpModel(retrieval(noSum), history, "how much?", weighing("nearCited", 0.5), true).retrieval.judgement).toEqual(NOT_SURE);
  });

  it("does not answer where the judgement found nothing close enough to show, however sure the model", () => {
    const nothingClose: Judgement = { ...NOT_SURE, related: false, reason: "nothing close" };
    const { retrieval: shown } = settledByFollowUpModel(retrieval(ranked, nothingClose), history, "and the pools?", weighing("nearCited", 0.5), true);
    expect(shown.judgement).toMatchObject({ answerable: false, related: true });
    expect(settledByConversation(shown.judgement)).toBe(false);
  });

  it("otherwise stays not sure, with the weighed candidates in the model's order in the places they held, so the shown passages are the likeliest", () => {
    const { retrieval: unsure } = settledByFollowUpModel(retrieval(ranked), history, "and the pools?", weighing("nearCited"), true);
    expect(unsure.judgement).toEqual(NOT_SURE);
    expect(unsure.candidates.map((c) => c.sentence.index)).toEqual([11, 40, 10]);
    const cited = [candidate(10, "the previous answer"), candidate(40, "far away"), candidate(11, "beside")];
    expect(settledByFollowUpModel(retrieval(cited), history, "and the pools?", weighing("nearCited"), true).retrieval.candidates.map((c) => c.sentence.index)).toEqual([10, 11, 40]);
  });

  it("shows a follow-up that leans on the conversation, for which nothing was close enough to show, the weighed candidates of the conversation's reports", () => {
    const nothingClose: Judgement = { ...NOT_SURE, related: false, reason: "nothing close" };
    const found = [candidate(5, "another report", { reportId: "other" }), candidate(40, "far away"), candidate(10, "the previous answer"), candidate(11, "beside")];
    const { retrieval: shown } = settledByFollowUpModel(retrieval(found, nothingClose), history, "why?", weighing("nearCited"), true);
    expect(shown.judgement).toEqual({ ...nothingClose, related: true });
    expect(shown.candidates.map((c) => c.sentence.index)).toEqual([11, 40, 5, 10]);
    // A question that names something and stands alone keeps the judgement's word: nothing is shown.
    const standsAlone = retrieval(found, nothingClose);
    expect(settledByFollowUpModel(standsAlone, history, "What did Tomas Brandt say?", weighing("nearCited"), false).retrieval).toBe(standsAlone);
    // Nor is anything from reports the conversation has not been about.
    const elsewhere = retrieval([candidate(5, "another report", { reportId: "other" })], nothingClose);
    expect(settledByFollowUpModel(elsewhere, history, "why?", weighing("nearCited"), true).retrieval).toBe(elsewhere);
  });

  it("leaves an answer the judgement was sure of as it is", () => {
    const sure = retrieval(ranked, { answerable: true, related: false, answerAt: 0, confidence: 0.9, reason: "confident" });
    expect(settledByFollowUpModel(sure, history, "and the pools?", weighing("nearCited", 0), true)).toEqual({ retrieval: sure, weighed: [] });
  });

  it("ships a model fitted on this code's features and on the shipped answer model's scores, and refuses one fitted on other features", () => {
    expect(shippedFollowUpModel().features).toEqual([...FOLLOW_UP_FEATURE_NAMES]);
    // The answer model refitted alone changes the scores this model weighs: run `npm run calibrate:followups` after it.
    expect(shippedFollowUpModel().fittedOn?.answerModel).toBe(shippedModelDigest());
    expect(() => checkFollowUpModel({ ...weighing("score"), features: ["score"] })).toThrow(/calibrate:followups/);
  });
});
