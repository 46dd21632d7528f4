import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createEngine } from "../../src/engine.js";
import { scoreQuestion, summarise, type EvalQuestion } from "../../src/eval/score.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

const questions = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as EvalQuestion);

const workspaces: Workspace[] = [];
afterAll(() => workspaces.forEach((w) => w.cleanup()));

/** Runs a question set through the real engine and checks every citation is a verbatim slice of its report. */
async function run(corpusDir: string | undefined, file: string) {
  const ws = makeWorkspace({ withFirstReport: corpusDir === undefined });
  workspaces.push(ws);
  const config = corpusDir ? loadConfig({ ...ws.env, CORPUS_DIR: corpusDir, LOG_LEVEL: "silent" }) : ws.config;
  const engine = await createEngine(config);
  const results = [];
  for (const q of questions(file)) {
    const answer = await engine.ask(q.question);
    for (const c of answer.citations) {
      const file = readdirSync(config.corpusDir).find((f) => f.startsWith(`${c.reportId}.`))!;
      const report = readFileSync(path.join(config.corpusDir, file), "utf8");
      expect(report.slice(c.start, c.end)).toBe(c.text);
    }
    results.push(scoreQuestion(q, answer));
  }
  return { summary: summarise(results), failed: results.filter((r) => !r.pass).map((r) => `${r.question.id}: ${r.detail}`) };
}

// Quality floors, so a change that makes answers worse fails the build; the figures are in the README.
describe("answer quality with the offline default", () => {
  it("answers the dev set with the right citations and abstains where it should", async () => {
    const { summary, failed } = await run(undefined, "tests/fixtures/dev-questions.jsonl");
    expect(failed).toEqual([]);
    expect(summary.passed).toBe(20);
  });

  it("on a second, different report, abstains where it should and answers most questions", async () => {
    const { summary } = await run("tests/fixtures/holdout", "tests/fixtures/holdout-questions.jsonl");
    expect(summary.abstentionAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(summary.answerHitRate).toBeGreaterThanOrEqual(0.75);
  });
});
