import { expect, it } from "vitest";
import type { Answer, Citation } from "../../../src/answer/answer.js";
import { questionOutcome } from "../../../scripts/quality/report.js";

const citation = (sentenceId: string, n: number): Citation => ({
  n,
  reportId: sentenceId.split("#")[0]!,
  title: "A report",
  sentenceId,
  text: "A sentence.",
  start: 0,
  end: 11,
  source: {} as Citation["source"],
});

const answer = (totalMs: number): Answer => ({
  question: "Who won?",
  text: "I couldn't find a definite answer. These passages may be related:",
  abstained: true,
  citations: [],
  related: [citation("cup#3", 1), citation("cup#7", 2)],
  mode: "extractive",
  timings: { embedMs: totalMs / 2, retrieveMs: totalMs / 4, answerMs: totalMs / 4, totalMs },
});

it("records what was answered and nothing timed, so two runs of the same answers give the same line", () => {
  const slow = questionOutcome("cup-07", answer(900));
  expect(JSON.stringify(slow)).toBe(JSON.stringify(questionOutcome("cup-07", answer(12))));
  expect(slow).toEqual({ id: "cup-07", abstained: true, cited: [], related: ["cup#3", "cup#7"], text: answer(1).text });
});
