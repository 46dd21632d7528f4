import { readFileSync } from "node:fs";

/** A question set: one JSON object a line, blank lines skipped (format: tests/fixtures/README.md). */
export function readQuestionSet<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);
}
