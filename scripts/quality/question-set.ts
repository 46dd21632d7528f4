import { readFileSync } from "node:fs";
import type { EvalQuestion } from "./score.js";

export const BANK_CORPUS = ["corpus", "tests/fixtures/bank/reports"];
export const BANK_QUESTIONS = ["tests/fixtures/bank/questions-a.jsonl", "tests/fixtures/bank/questions-b.jsonl", "tests/fixtures/bank/questions-c.jsonl", "tests/fixtures/bank/questions-d.jsonl", "tests/fixtures/bank/questions-e.jsonl", "tests/fixtures/bank/questions-f.jsonl", "tests/fixtures/bank/questions-g.jsonl", "tests/fixtures/bank/questions-h.jsonl", "tests/fixtures/bank/questions-i.jsonl", "tests/fixtures/bank/questions-l.jsonl"];

/** Question lines from JSONL files (format: tests/fixtures/README.md); a file that is not there yet is skipped. */
export function readQuestions(files: string[]): EvalQuestion[] {
  return files.flatMap((file) => {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" && BANK_QUESTIONS.includes(file)) return [];
      throw error;
    }
    return text
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as EvalQuestion);
  });
}

/**
 * Report-level folds: a question belongs to the report that holds its answer (or that it is about). The team's
 * sets predate the `report` field and are all about the first report.
 */
export function reportOf(q: EvalQuestion): string {
  return q.report ?? FIRST_REPORT;
}

const FIRST_REPORT = "afghanistan-pakistan-istanbul-talks";
// The team's own sets over the first report: training data beside the bank, never scored in cross-validation.
const TEAM_SETS = ["tests/fixtures/dev-questions.jsonl", "tests/fixtures/reworded-questions.jsonl"];

/** What the answerability model is fitted on: the bank, plus the team's sets over the first report (in the bank's corpus). */
export function trainingQuestions(): EvalQuestion[] {
  return [...readQuestions(BANK_QUESTIONS), ...readQuestions(TEAM_SETS).map((q) => ({ ...q, kind: q.kind ?? "team" }))];
}
