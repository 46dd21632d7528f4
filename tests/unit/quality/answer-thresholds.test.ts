import { describe, expect, it } from "vitest";
import { type AnswerOutcome, answerThresholds } from "../../../scripts/quality/fit-model.js";

const o = (answerP: number, right: boolean, wordForWord = false, unanswerable = false): AnswerOutcome => ({ answerP, wordForWord, right, unanswerable });

/** Every pair of thresholds counted afresh: what the search must agree with. */
function everyPair(outcomes: AnswerOutcome[], maxWrong: number, maxUnanswerable: number) {
  const levels = [1, ...[...new Set(outcomes.map((x) => x.answerP).filter((p) => p > 0))].sort((a, b) => b - a)];
  const unanswerableCount = Math.max(1, outcomes.filter((x) => x.unanswerable).length);
  let best = { answer: 1, answerWordForWord: 1, right: 0 };
  for (const answer of levels) {
    for (const answerWordForWord of levels.filter((l) => l <= answer)) {
      const answered = outcomes.filter((x) => x.answerP > 0 && (x.answerP >= answer || (x.wordForWord && x.answerP >= answerWordForWord)));
      const right = answered.filter((x) => x.right).length;
      const within = answered.length - right <= maxWrong * outcomes.length && answered.filter((x) => x.unanswerable).length <= maxUnanswerable * unanswerableCount;
      if (within && right > best.right) best = { answer, answerWordForWord, right };
    }
  }
  return best;
}

describe("answerThresholds", () => {
  it("lowers the word-for-word threshold where only word-for-word answers are right", () => {
    const outcomes = [o(0.9, true), o(0.8, true), o(0.6, false), o(0.5, true, true), o(0.4, true, true), o(0.3, false, true), o(0, false)];
    // No wrong answer allowed: the general threshold stops above 0.6, the word-for-word one above 0.3.
    expect(answerThresholds(outcomes, 0, 1)).toEqual({ answer: 0.8, answerWordForWord: 0.4, right: 4 });
    // Wrong answers that gain nothing are not taken: ties go to the higher thresholds.
    expect(answerThresholds(outcomes, 1, 1)).toEqual({ answer: 0.8, answerWordForWord: 0.4, right: 4 });
  });

  it("keeps answered unanswerable questions within their limit", () => {
    const outcomes = [o(0.9, true), o(0.7, false, false, true), o(0.6, true), o(0.5, true)];
    expect(answerThresholds(outcomes, 1, 0)).toEqual({ answer: 0.9, answerWordForWord: 0.9, right: 1 });
    expect(answerThresholds(outcomes, 1, 1).right).toBe(3);
  });

  it("agrees with counting every pair afresh", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 40; trial++) {
      const outcomes = Array.from({ length: 60 }, () => o(Math.round(random() * 20) / 20, random() < 0.5, random() < 0.3, random() < 0.2));
      for (const [maxWrong, maxUnanswerable] of [[0.04, 0.1], [0.1, 0.3], [0, 0]] as const) {
        expect(answerThresholds(outcomes, maxWrong, maxUnanswerable)).toEqual(everyPair(outcomes, maxWrong, maxUnanswerable));
      }
    }
  });
});
