import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestCommand } from "../../src/cli/ingest-command.js";
import { runCommand } from "../../src/cli/run-main.js";
import { readGeneration } from "../../src/index/index-files.js";
import { LOCK_STALE_MS } from "../../src/index/ingest-lock.js";
import { captureIo } from "../helpers/cli-io.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

let ws: Workspace;

/** `npm run ingest` as its entry point runs it, in this process: the ingests before and after the killed one. */
async function ingestInProcess(): Promise<number> {
  return runCommand((io) => ingestCommand([], io), captureIo({ ...ws.env, LOG_LEVEL: "silent" }));
}

/** `npm run ingest` in its own process, which `onStdout` can kill. */
function runIngest(onStdout?: (text: string, kill: () => void) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/ingest.ts"], { env: { ...process.env, ...ws.env, LOG_LEVEL: "silent" } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => onStdout?.(chunk.toString(), () => child.kill("SIGKILL")));
    child.on("exit", (code, signal) => resolve({ code, signal, stderr }));
  });
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
    for (let i = 0; i < 6; i++) {
      const sentences = Array.from({ length: 30 }, (_, j) => `Report ${i} notes that the committee met on day ${j} to review budget item ${i * 100 + j}.`);
      writeFileSync(path.join(ws.corpusDir, `budget-${i}.txt`), sentences.join(" "));
    }
    const killed = await runIngest((text, kill) => {
      if (/added\s+budget-0/.test(text)) kill();
    });
    expect(killed.signal).toBe("SIGKILL");

    expect(readFileSync(path.join(ws.config.indexDir, "CURRENT"), "utf8")).toBe(live);
    const previous = await readGeneration(ws.config.indexDir);
    expect(previous.manifest.reports.map((r) => r.id)).toEqual(["afghanistan-pakistan-istanbul-talks"]);
    expect(existsSync(path.join(ws.config.indexDir, "ingest.lock"))).toBe(true);

    // The dead process's lock is not refreshed any more: once it is older than the stale limit it is taken over, and
    // the half-written generation cleaned up. (Its age is set here rather than waited for.)
    const lock = path.join(ws.config.indexDir, "ingest.lock");
    const past = new Date(Date.now() - LOCK_STALE_MS - 1000);
    utimesSync(lock, past, past);
    expect(await ingestInProcess()).toBe(0);
    expect(readdirSync(ws.config.indexDir).filter((f) => f.startsWith("gen-"))).toHaveLength(1);
    const after = await readGeneration(ws.config.indexDir);
    expect(after.manifest.reports).toHaveLength(7);
  });
});
