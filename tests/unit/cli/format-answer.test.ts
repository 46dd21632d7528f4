import { describe, expect, it } from "vitest";
import { RELATED_TEXT } from "../../../src/answer/answer.js";
import { answerToJson, formatAnswerForTerminal } from "../../../src/cli/format-answer.js";
import { DISPLAY_LIMITS } from "../../../src/display/limits.js";
import { answer, citation } from "../../helpers/answer-fixtures.js";

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

describe("formatAnswerForTerminal", () => {
  it("prints an extractive answer's sentences once, each under its [n]", () => {
    const out = formatAnswerForTerminal(answer());
    expect(out.split("The talks collapsed after four days")).toHaveLength(2);
    expect(out).toBe("[1] “The talks collapsed after four days.” — Border talks collapse in Istanbul (border-talks#1)\n\n(extractive, 420 ms)");
  });

  it("prints a chat model's answer, then the sentences it rests on", () => {
    const out = formatAnswerForTerminal(answer({ mode: "llm", text: "They collapsed after four days [1]." }));
    expect(out).toBe(
      "They collapsed after four days [1].\n\n[1] “The talks collapsed after four days.” — Border talks collapse in Istanbul (border-talks#1)\n\n(llm, 420 ms)",
    );
  });

  it("strips terminal escapes from report and model text", () => {
    const out = formatAnswerForTerminal(
      answer({ mode: "llm", text: "Done\u001b]0;pwned\u0007 [1].", citations: [citation(1, "Talks\u001b[2J ended.", { title: "T\u001b[31mitle" })] }),
    );
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain("Done [1].");
    expect(out).toContain("“Talks ended.” — Title");
  });

  it("defangs a chat model's links unless a cited sentence quotes them", () => {
    const out = formatAnswerForTerminal(
      answer({ mode: "llm", text: "[Verify your account here](https://evil.example/phish) [1]. Or https://ok.example.", citations: [citation(1, "See https://ok.example.")] }),
    );
    expect(out).toContain("[Verify your account here](hxxps://evil[.]example/phish) [1]. Or https://ok.example.");
    expect(out).not.toContain("https://evil");
  });

  it("cuts a 100 KB sentence and a runaway reply with an ellipsis", () => {
    const out = formatAnswerForTerminal(answer({ mode: "llm", text: "word ".repeat(50_000), citations: [citation(1, "long ".repeat(20_000))] }));
    expect(out.length).toBeLessThan(DISPLAY_LIMITS.answerChars + DISPLAY_LIMITS.quoteChars + 200);
    expect(out.match(/…/g)).toHaveLength(2);
  });

  it("hides credentials in a URL in the fallback note, in text and in JSON", () => {
    const failed = answer({ mode: "extractive-fallback", note: "cannot reach http://admin:S3CRETPASS@127.0.0.1:9/v1" });
    expect(formatAnswerForTerminal(failed)).toContain("cannot reach http://[redacted]@127.0.0.1:9/v1");
    expect(answerToJson(failed)).not.toContain("S3CRETPASS");
    expect(JSON.parse(answerToJson(failed)).note).toBe("cannot reach http://[redacted]@127.0.0.1:9/v1");
  });
});
