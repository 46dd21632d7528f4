import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

let ws: Workspace;
const run = (script: string, args: string[], input?: string) =>
  spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, ...ws.env, LOG_LEVEL: "silent", OPENAI_API_KEY: "", OPENAI_BASE_URL: "" },
    timeout: 60_000,
  });

beforeAll(() => {
  ws = makeWorkspace();
});
afterAll(() => ws.cleanup());

describe("command line", () => {
  it("ingest prints progress and a summary line, and exit 1 when a named file fails", () => {
    const ok = run("src/cli/ingest.ts", []);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/added\s+afghanistan-pakistan-istanbul-talks: 18 sentences, 9 chunks/);
    expect(ok.stdout).toMatch(/Index updated in .*1 added/);
    const bad = run("src/cli/ingest.ts", ["does-not-exist.txt"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^skipped\s+does-not-exist\.txt: no such file or folder$/m);
  });

  it("ask --json prints the documented shape", () => {
    const out = run("src/cli/ask.ts", ["--json", "Who mediated the talks?"]);
    expect(out.status).toBe(0);
    const answer = JSON.parse(out.stdout);
    expect(Object.keys(answer).sort()).toEqual(["abstained", "answer", "citations", "mode", "question", "related", "timings"]);
    expect(answer).toMatchObject({ question: "Who mediated the talks?", abstained: false, mode: "extractive" });
    expect(answer.citations[0]).toEqual({
      n: expect.any(Number),
      reportId: "afghanistan-pakistan-istanbul-talks",
      title: expect.any(String),
      sentenceId: expect.stringMatching(/^afghanistan-pakistan-istanbul-talks#\d+$/),
      text: expect.any(String),
      start: expect.any(Number),
      end: expect.any(Number),
    });
    expect(Object.keys(answer.timings).sort()).toEqual(["answerMs", "embedMs", "retrieveMs", "totalMs"]);
  });

  it("ask reads one question a line from stdin, one JSON object a line, errors included", () => {
    const out = run("src/cli/ask.ts", ["--json"], "Who walked out of the discussions?\nWhat is the capital of Australia?\n" + "x".repeat(600) + "\n");
    const lines = out.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].citations[0].text).toContain("walked out of the discussions");
    expect(lines[1]).toMatchObject({ abstained: true, citations: [] });
    expect(lines[2].error).toMatch(/limit is 500/);
    expect(out.status).toBe(1);
  });

  it("ask refuses an unknown report id in one line", () => {
    const out = run("src/cli/ask.ts", ["--report", "nope", "Who mediated the talks?"]);
    expect(out.status).toBe(1);
    expect(out.stderr.trim()).toMatch(/^dossier: Unknown report nope; known reports: afghanistan-pakistan-istanbul-talks\.$/);
  });

  it("repl answers, lists reports and exits cleanly at end of input", () => {
    const out = run("src/cli/repl-main.ts", [], "Who mediated the talks?\n:reports\n");
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/\[1\] “.*mediated by Turkish and Qatari officials.*” — Afghanistan Pakistan Istanbul Talks/);
    expect(out.stdout).toMatch(/afghanistan-pakistan-istanbul-talks {2}Afghanistan Pakistan Istanbul Talks {2}\(18 sentences/);
  });
});
