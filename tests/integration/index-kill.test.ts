import { spawn } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { createEngine } from "../../src/engine.js";
import { readGeneration } from "../../src/index/index-files.js";
import { ingestPaths } from "../../src/index/ingest.js";
import { silentLogger } from "../../src/logger.js";
import { makeWorkspace } from "../helpers/temp-workspace.js";

const ws = makeWorkspace();
afterAll(() => ws.cleanup());
const embeddings = new LocalUseEmbeddings();
const segmentsOnDisk = () => readdirSync(path.join(ws.config.indexDir, "segments")).sort();

/** The ingest in a child process, killed with SIGKILL as soon as it says it is half-way through writing a merge. */
function ingestKilledDuringMerge(): Promise<{ signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/ingest-until-merge.ts", ws.corpusDir, ws.config.indexDir]);
    let stdout = "";
    child.stdout.on("data", (data: Buffer) => {
      stdout += data.toString();
      if (stdout.includes("merging")) child.kill("SIGKILL");
    });
    child.on("exit", (_code, signal) => resolve({ signal, stdout }));
  });
}

describe("kill -9 during a segment merge", () => {
  it("leaves the previous index answering, and the next ingest completes and cleans up", async () => {
    await ingestPaths([ws.corpusDir], { config: ws.config, embeddings, logger: silentLogger });
    const live = readFileSync(path.join(ws.config.indexDir, "CURRENT"), "utf8");
    const before = segmentsOnDisk();
    // A report about as large as the first: its new segment is merged with the first one's (merge-policy.ts).
    copyFileSync("tests/fixtures/bank/reports/harbour-ceasefire-talks.txt", path.join(ws.corpusDir, "harbour-ceasefire-talks.txt"));

    const killed = await ingestKilledDuringMerge();
    expect(killed.stdout).toContain("merging");
    expect(killed.signal).toBe("SIGKILL");
    // Half-written segments are on disk, but the live generation never names them.
    expect(segmentsOnDisk().length).toBeGreaterThan(before.length);
    expect(readFileSync(path.join(ws.config.indexDir, "CURRENT"), "utf8")).toBe(live);
    expect((await readGeneration(ws.config.indexDir)).manifest.reports.map((r) => r.id)).toEqual(["afghanistan-pakistan-istanbul-talks"]);
    const engine = await createEngine(ws.config, { embeddings, autoIngest: false });
    expect((await engine.ask("Who mediated the talks?")).abstained).toBe(false);

    // The dead ingest's holder is gone: the next ingest takes its lock over at once.
    await ingestPaths([ws.corpusDir], { config: ws.config, embeddings, logger: silentLogger });
    const after = await readGeneration(ws.config.indexDir);
    expect(after.manifest.reports.map((r) => r.id)).toEqual(["afghanistan-pakistan-istanbul-talks", "harbour-ceasefire-talks"]);
    expect(after.manifest.segments).toHaveLength(1);
    expect(segmentsOnDisk()).toEqual(after.manifest.segments.map((s) => s.name));
  }, 120_000);
});
