import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/answer/answer.js";
import { scoreFollowUp, summariseFollowUps, type FollowUpQuestion } from "../../../scripts/quality/score-follow-ups.js";
import { turn } from "../conversation/fixtures.js";

const LENGTH = "after four days of negotiations";
const q: FollowUpQuestion = { id: "c1-2", question: "How long did they last?", history: ["Who mediated the talks?"], expected: ["four days"], support: [LENGTH] };

/** An answer citing `cited`, as `ask` returns it, read as `standalone` when given. */
function answer(cited: string[], standalone?: string): Answer {
  const { citations = [] } = turn(q.question, cited);
  return {
    question: q.question,
    ...(standalone ? { standaloneQuestion: standalone } : {}),
    text: cited.join(" ") || "I couldn't find that in the reports.",
    abstained: cited.length === 0,
    citations,
    related: [],
    mode: "extractive",
    timings: { embedMs: 0, retrieveMs: 0, answerMs: 0, totalMs: 1 },
  };
}

describe("follow-up scoring", () => {
  it("counts answers citing the wrong sentence apart from abstentions, and fails a standalone question that was rewritten", () => {
    const right = scoreFollowUp(q, answer([`Talks collapsed ${LENGTH}.`], "How long did the talks last?"));
    const wrong = scoreFollowUp(q, answer(["The talks were mediated by Turkish and Qatari officials."], "How long did the talks last?"));
    const abstained = scoreFollowUp(q, answer([]));
    const alone = { ...q, standsAlone: true };
    const rewrittenAlone = scoreFollowUp(alone, answer([`Talks collapsed ${LENGTH}.`], "How long did the talks last?"));
    expect([right.pass, wrong.pass, abstained.pass, rewrittenAlone.pass]).toEqual([true, false, false, false]);
    expect(summariseFollowUps([right, wrong, abstained, rewrittenAlone])).toMatchObject({
      passed: 1,
      wrong: 1,
      standaloneTotal: 1,
      standaloneKept: 0,
      leaning: 3,
      rewritten: 2,
    });
    // Kept word for word, with the conversation's words added only as search context: not a rewrite.
    const withContext = scoreFollowUp(alone, answer([`Talks collapsed ${LENGTH}.`], "How long did they last? (context: talks, Istanbul)"));
    expect(withContext).toMatchObject({ rewritten: false, pass: true });
  });
});
