import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readGeneration } from "../../src/index/index-files.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

let ws: Workspace;

function runIngest(onStdout?: (text: string, kill: () => void) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/ingest.ts"], { env: { ...process.env, ...ws.env, LOG_LEVEL: "silent" } });
    child.stdout.on("data", (chunk: Buffer) => onStdout?.(chunk.toString(), () => child.kill("SIGKILL")));
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
}

beforeAll(() => {
  ws = makeWorkspace();
});
afterAll(() => ws.cleanup());

describe("an ingest killed half-way", () => {
  it("leaves the previous index live and the next ingest completes", async () => {
    expect((await runIngest()).code).toBe(0);
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

    // The dead process's lock is taken over and the half-written generation cleaned up.
    expect((await runIngest()).code).toBe(0);
    const after = await readGeneration(ws.config.indexDir);
    expect(after.manifest.reports).toHaveLength(7);
  });
});
