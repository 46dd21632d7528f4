import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/answer/answer.js";
import { answeredFrom, appendTurn, reportsOf, turnOf } from "../../../src/conversation/turn.js";
import { turn } from "./fixtures.js";

describe("appendTurn", () => {
  it("keeps only the latest turns", () => {
    let history = [turn("q0")];
    for (let i = 1; i < 10; i++) history = appendTurn(history, turn(`q${i}`), 6);
    expect(history).toHaveLength(6);
    expect(history.map((t) => t.question)).toEqual(["q4", "q5", "q6", "q7", "q8", "q9"]);
    expect(appendTurn(history, turn("q10"), 2).map((t) => t.question)).toEqual(["q9", "q10"]);
  });
});

describe("turnOf", () => {
  it("keeps an abstention's related passages, which say what the conversation is about", () => {
    const related = turn("x", ["Turnout was 47.6 per cent."], "lakeside-mayoral-election").citations!;
    const answer = { question: "What was the turnout?", text: "I couldn't find a definite answer.", abstained: true, citations: [], related } as unknown as Answer;
    expect(turnOf(answer).related).toEqual(related);
    expect(turnOf({ ...answer, related: [] })).not.toHaveProperty("related");
  });
});

describe("reportsOf", () => {
  it("is the cited reports, or when the turn was not sure, the closest shown passage's report only", () => {
    const cited = turn("How long is the pipeline?", ["It runs 212 miles.", "It crosses the river."], "ruling");
    expect(reportsOf(cited)).toEqual(["ruling"]);
    // "When will Ostrander apply for approval?" showed the trial's passages first, then a court's review.
    const shown = { ...turn("When will Ostrander apply?"), related: [...turn("x", ["It will apply next year."], "trial").citations!, ...turn("x", ["The court may review it."], "ruling").citations!] };
    expect(reportsOf(shown)).toEqual(["trial"]);
    expect(reportsOf(turn("Who won?"))).toEqual([]);
  });
});

describe("answeredFrom", () => {
  it("is the first report the previous answer cited; passages it only showed, or an earlier turn's answer, are not", () => {
    const cited = turn("How long is the pipeline?", ["It runs 212 miles."], "ruling");
    expect(answeredFrom([cited])).toBe("ruling");
    const shown = { ...turn("When will Ostrander apply?"), related: turn("x", ["It will apply next year."], "trial").citations! };
    expect(answeredFrom([shown])).toBeUndefined();
    expect(answeredFrom([cited, shown])).toBeUndefined();
    expect(answeredFrom([])).toBeUndefined();
  });
});
