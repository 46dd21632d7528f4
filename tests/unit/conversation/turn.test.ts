import { describe, expect, it } from "vitest";
import { appendTurn } from "../../../src/conversation/turn.js";
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
