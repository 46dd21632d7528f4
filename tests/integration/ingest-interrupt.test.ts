import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestCommand } from "../../src/cli/ingest-command.js";
import { runCommand } from "../../src/cli/run-main.js";
import { readGeneration } from "../../src/index/index-files.js";
import { captureIo } from "../helpers/cli-io.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

let ws: Workspace;

/** `npm run ingest` as its entry point runs it, in this process: the ingests before and after the killed one. */
async function ingestInProcess(): Promise<number> {
  return runCommand((io) => ingestCommand([], io), captureIo({ ...ws.env, LOG_LEVEL: "silent" }));
}

/** `npm run ingest` in its own process, which `onStdout` can send a signal (SIGKILL unless told). */
function runIngest(
  onStdout?: (text: string, kill: (signal?: NodeJS.Signals) => void) => void,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/ingest.ts"], { env: { ...process.env, ...ws.env, LOG_LEVEL: "silent" } });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(chunk.toString(), (signal = "SIGKILL") => child.kill(signal));
    });
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Reports of `sentences` distinct sentences each, written into the corpus folder as budget-0.txt, budget-1.txt, … */
function writeBudgetReports(count: number, sentences: number): void {
  for (let i = 0; i < count; i++) {
    const text = Array.from({ length: sentences }, (_, j) => `Report ${i} notes that the committee met on day ${j} to review budget item ${i * 100 + j}.`);
    writeFileSync(path.join(ws.corpusDir, `budget-${i}.txt`), text.join(" "));
  }
}

beforeAll(() => {
  ws = makeWorkspace();
});
afterAll(() => ws.cleanup());

describe("an ingest killed half-way", () => {
  it("leaves the previous index live and the next ingest completes", async () => {
    expect(await ingestInProcess()).toBe(0);
    const live = readFileSync(path.join(ws.config.indexDir, "CURRENT"), "utf8");

    // Several new reports, so the process is still embedding when the first progress line appears.
    writeBudgetReports(6, 30);
    const killed = await runIngest((text, kill) => {
      if (/added\s+budget-0/.test(text)) kill();
    });
    expect(killed.signal).toBe("SIGKILL");

    expect(readFileSync(path.join(ws.config.indexDir, "CURRENT"), "utf8")).toBe(live);
    const previous = await readGeneration(ws.config.indexDir);
    expect(previous.manifest.reports.map((r) => r.id)).toEqual(["afghanistan-pakistan-istanbul-talks"]);
    expect(existsSync(path.join(ws.config.indexDir, "ingest.lock"))).toBe(true);

    // The dead process's lock was refreshed moments ago, but its holder is gone: the next ingest takes it over at once
    // (not after the lock's stale time), and cleans up the half-written generation.
    expect(await ingestInProcess()).toBe(0);
    expect(readdirSync(ws.config.indexDir).filter((f) => f.startsWith("gen-"))).toHaveLength(1);
    const after = await readGeneration(ws.config.indexDir);
    expect(after.manifest.reports).toHaveLength(7);
  });
});

describe("an ingest stopped with Ctrl-C", () => {
  it("stops within the report it is embedding, releases the lock and leaves the previous index live", async () => {
    ws.cleanup();
    ws = makeWorkspace();
    expect(await ingestInProcess()).toBe(0);
    const live = readFileSync(path.join(ws.config.indexDir, "CURRENT"), "utf8");

    // Embedding in the ingesting thread used to hold off the signal until every report was embedded: all eight
    // "added" lines came out after Ctrl-C, then the process died just before writing.
    writeBudgetReports(8, 40);
    const stopped = await runIngest((text, kill) => {
      if (/added\s+budget-0/.test(text)) kill("SIGINT");
    });
    expect(stopped.signal).toBe("SIGINT");
    // Reports take half a second to a second and a half each here, so at most two more may finish while a loaded
    // machine delivers the signal; now none does, and before the fix all seven did.
    const afterCtrlC = stopped.stdout.slice(stopped.stdout.search(/^added\s+budget-0/m)).match(/^added/gm)!.length - 1;
    expect(afterCtrlC).toBeLessThanOrEqual(2);
    expect(stopped.stdout).not.toMatch(/Index updated/);

    expect(readFileSync(path.join(ws.config.indexDir, "CURRENT"), "utf8")).toBe(live);
    expect((await readGeneration(ws.config.indexDir)).manifest.reports.map((r) => r.id)).toEqual(["afghanistan-pakistan-istanbul-talks"]);
    // The lock went with the process, so the next ingest need not wait for it to go stale.
    expect(existsSync(path.join(ws.config.indexDir, "ingest.lock"))).toBe(false);
    expect(await ingestInProcess()).toBe(0);
    expect((await readGeneration(ws.config.indexDir)).manifest.reports).toHaveLength(9);
  });
});
