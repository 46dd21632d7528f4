import { describe, expect, it } from "vitest";
import { RELATED_TEXT } from "../../../src/answer/answer.js";
import { answerToJson, formatAnswerForTerminal } from "../../../src/cli/format-answer.js";
import { answer, citation } from "../discord/answer-fixtures.js";

describe("terminal answers with passages that may be related", () => {
  const related = [citation(1, "Talks resumed in Doha.")];
  const abstained = answer({ text: RELATED_TEXT, abstained: true, citations: [], related });

  it("lists them under the label, without [n] markers", () => {
    const lines = formatAnswerForTerminal(abstained).split("\n");
    expect(lines[0]).toBe(RELATED_TEXT);
    expect(lines[1]).toBe("  · “Talks resumed in Doha.” — Border talks collapse in Istanbul (border-talks#1)");
    expect(lines.some((l) => l.startsWith("[1]"))).toBe(false);
  });

  it("puts them in the JSON as `related`, with citations empty", () => {
    expect(JSON.parse(answerToJson(abstained))).toMatchObject({ abstained: true, citations: [], related: [{ text: "Talks resumed in Doha.", sentenceId: "border-talks#1" }] });
  });
});
