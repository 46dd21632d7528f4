import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ingestCommand } from "../../src/cli/ingest-command.js";
import { runCommand } from "../../src/cli/run-main.js";
import { captureIo } from "../helpers/cli-io.js";
import { startTestDatabase, type TestDatabase } from "../helpers/postgres-server.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

let db: TestDatabase;
let answering: Workspace;
let ingesting: Workspace;

const envFor = (ws: Workspace) => ({ ...process.env, ...ws.env, INDEX_STORE: "postgres", DATABASE_URL: db.url, INDEX_POLL_MS: "200", LOG_LEVEL: "silent", ANSWER_MODE: "extractive" });

beforeAll(async () => {
  db = await startTestDatabase();
  answering = makeWorkspace();
  ingesting = makeWorkspace({ withFirstReport: false });
});
afterAll(async () => {
  await db?.stop();
  answering?.cleanup();
  ingesting?.cleanup();
});

/**
 * `npm run -s ask -- --json` as the README documents it, reading questions from its standard input: an engine that
 * stays up between questions. Every line on its standard output must be JSON (npm's own lines and the engine's
 * notices go elsewhere).
 */
function askProcess(ws: Workspace) {
  const child: ChildProcessWithoutNullStreams = spawn("npm", ["run", "-s", "ask", "--", "--json"], { env: { ...envFor(ws), OPENAI_API_KEY: "", OPENAI_BASE_URL: "" } });
  const answers: Array<Record<string, unknown>> = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    try {
      answers.push(JSON.parse(line));
    } catch {
      answers.push({ notJson: line });
    }
  });
  const ask = async (question: string) => {
    const before = answers.length;
    child.stdin.write(`${question}\n`);
    await vi.waitFor(() => expect(answers.length).toBeGreaterThan(before), { timeout: 60_000, interval: 50 });
    return answers[before]!;
  };
  return { child, ask, answers };
}

describe("two processes over one PostgreSQL index", () => {
  it("one ingests a report and the other, already running, answers from it without a restart", async () => {
    const reader = askProcess(answering);
    try {
      const question = "Why was the lighthouse on Varn Island closed?";
      expect(await reader.ask(question)).toMatchObject({ abstained: true });

      const file = path.join(ingesting.corpusDir, "lighthouse.txt");
      writeFileSync(file, "# Lighthouse\n\nThe lighthouse on Varn Island was closed after storms cracked its lantern room, and its keepers were taken off by boat to the mainland.\n");
      // `npm run ingest <file>` as its entry point runs it, here in the test's process: the reader is the other one.
      const io = captureIo(envFor(ingesting));
      const code = await runCommand((cliIo) => ingestCommand([file], cliIo), io);
      const out = io.out();
      expect(out).toMatch(/added\s+lighthouse/);
      expect(out).toMatch(/→ PostgreSQL 127\.0\.0\.1:\d+\/\w+\n/);
      expect(code).toBe(0);

      // The reader polls every 200 ms; answering from the new report is what it must do "within a few seconds".
      await vi.waitFor(async () => expect(await reader.ask(question)).toMatchObject({ abstained: false }), { timeout: 20_000, interval: 200 });
      const answer = await reader.ask(question);
      expect(answer.citations).toEqual([expect.objectContaining({ reportId: "lighthouse", text: "The lighthouse on Varn Island was closed after storms cracked its lantern room, and its keepers were taken off by boat to the mainland." })]);
      expect(reader.answers.filter((a) => "notJson" in a)).toEqual([]);
    } finally {
      reader.child.stdin.end();
      await new Promise((resolve) => reader.child.on("exit", resolve));
    }
  }, 180_000);
});
