import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ingestCommand } from "../../src/cli/ingest-command.js";
import { runCommand } from "../../src/cli/run-main.js";
import { loadConfig } from "../../src/config.js";
import { createEngine } from "../../src/engine.js";
import { testEmbeddings } from "../helpers/memory-index.js";
import { captureIo } from "../helpers/cli-io.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

const workspaces: Workspace[] = [];
afterEach(() => workspaces.splice(0).forEach((w) => w.cleanup()));

/** A corpus of three short reports (the pool is used only when more than one report is embedded). */
function workspace(workers: string): Workspace {
  const ws = makeWorkspace({ withFirstReport: false, env: { INGEST_WORKERS: workers } });
  workspaces.push(ws);
  for (const [i, place] of ["harbour", "granary", "railway depot"].entries()) {
    writeFileSync(path.join(ws.corpusDir, `site-${i}.txt`), `Inspectors visited the ${place} on Monday. They found the roof had been repaired. The council paid for the work out of its repairs budget.`);
  }
  return ws;
}

/** How many worker threads `run` started, and how many of them were still running when it returned. */
async function threadsDuring(run: () => Promise<unknown>): Promise<{ started: number; running: number }> {
  let started = 0;
  let running = 0;
  const onWorker = (worker: import("node:worker_threads").Worker) => {
    started += 1;
    running += 1;
    worker.once("exit", () => (running -= 1));
  };
  process.on("worker", onWorker);
  try {
    await run();
  } finally {
    process.off("worker", onWorker);
  }
  return { started, running };
}

describe("INGEST_WORKERS", () => {
  it("`npm run ingest` embeds on that many worker threads, and ends them when it is done", async () => {
    const ws = workspace("2");
    const io = captureIo({ ...ws.env, LOG_LEVEL: "silent" });
    let code = -1;
    expect(await threadsDuring(async () => (code = await runCommand((cliIo) => ingestCommand([], cliIo), io)))).toEqual({ started: 2, running: 0 });
    expect(code).toBe(0);
    expect(io.out()).toMatch(/3 added/);
  }, 120_000);

  it("`npm run ingest` with INGEST_WORKERS=1 embeds in its own thread", async () => {
    const ws = workspace("1");
    const io = captureIo({ ...ws.env, LOG_LEVEL: "silent" });
    expect(await threadsDuring(() => runCommand((cliIo) => ingestCommand([], cliIo), io))).toEqual({ started: 0, running: 0 });
    expect(io.out()).toMatch(/3 added/);
  });

  it("the engine's start-up build of a missing index (`npm start`) embeds on that many worker threads", async () => {
    const ws = workspace("2");
    let reports: string[] = [];
    const threads = await threadsDuring(async () => {
      const engine = await createEngine(loadConfig({ ...ws.env, LOG_LEVEL: "silent" }));
      reports = engine.reports().map((r) => r.id);
      await engine.close();
    });
    expect(threads).toEqual({ started: 2, running: 0 });
    expect(reports.sort()).toEqual(["site-0", "site-1", "site-2"]);
  }, 120_000);

  it("an engine given its embeddings builds in its own thread, since worker threads would load another model", async () => {
    const ws = workspace("2");
    const threads = await threadsDuring(async () => (await createEngine(ws.config, { embeddings: testEmbeddings() })).close());
    expect(threads).toEqual({ started: 0, running: 0 });
  });
});
