import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/answer/answer.js";
import { appendTurn, turnOf } from "../../../src/conversation/turn.js";
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
