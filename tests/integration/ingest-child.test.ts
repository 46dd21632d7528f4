import { writeFileSync } from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine.js";
import { childProcessRunner } from "../../src/engine/ingest-runner.js";
import type { Engine } from "../../src/engine-types.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

let ws: Workspace;
let engine: Engine;

beforeAll(async () => {
  ws = makeWorkspace({ env: { MAX_REPORT_SENTENCES: "200" } });
  engine = await createEngine(ws.config);
}, 60_000);
afterAll(async () => {
  await engine.close();
  ws.cleanup();
});

describe("an ingest while the engine serves", () => {
  it("leaves the event loop free: no stall near a second while a report is segmented, embedded and indexed", async () => {
    const file = path.join(ws.root, "dock-log.txt");
    writeFileSync(file, Array.from({ length: 120 }, (_, i) => `Inspectors counted ${i} crates at dock ${i % 37} on shift ${i % 5}.`).join(" "));
    const delay = monitorEventLoopDelay({ resolution: 10 });
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 20);
    delay.enable();
    const started = performance.now();
    const answers: Promise<unknown>[] = [];
    const asking = setInterval(() => answers.push(engine.ask("Who mediated the talks?")), 250);
    try {
      const summary = await engine.ingest([file]);
      expect(summary.reports[0]).toMatchObject({ id: "dock-log", status: "added", sentences: 120 });
    } finally {
      clearInterval(ticker);
      clearInterval(asking);
      delay.disable();
    }
    const took = performance.now() - started;
    await Promise.all(answers);
    // Embedding 120 sentences in this process blocked it for all of that time (seconds); in the child it blocks nothing.
    expect(longestGap).toBeLessThan(1000);
    expect(delay.max / 1e6).toBeLessThan(1000);
    expect(took).toBeGreaterThan(1000);
    expect(answers.length).toBeGreaterThan(2);
    expect(engine.reports().map((r) => r.id)).toContain("dock-log");
  }, 120_000);

  it("stops an ingest that runs past INGEST_TIMEOUT_MS, saying so, and leaves the index as it was", async () => {
    const file = path.join(ws.root, "slow-wharf.txt");
    writeFileSync(file, "The wharf crane was repaired by the night crew on Tuesday.");
    const run = childProcessRunner({ ...ws.config, ingestTimeoutMs: 1 });
    await expect(run([file], {})).rejects.toThrow(/^The ingest took longer than 0 s \(INGEST_TIMEOUT_MS\) and was stopped; the index was not changed\.$/);
    const fresh = await createEngine(ws.config, { autoIngest: false });
    expect(fresh.reports().map((r) => r.id)).not.toContain("slow-wharf");
    await fresh.close();
  }, 60_000);

  it("refuses a report the child cannot ingest with the real reason, and keeps answering from the index", async () => {
    const lines = Array.from({ length: 150_000 }, (_, i) => `entry ${i % 1000}`).join("\n");
    await expect(engine.addReport({ fileName: "lines.txt", bytes: Buffer.from(lines) })).rejects.toMatchObject({
      name: "DossierError",
      message: expect.stringMatching(/^The report was not ingested: lines\.txt: \d+ sentences is over the 200-sentence limit/),
    });
    expect((await engine.ask("Who mediated the talks?")).abstained).toBe(false);
  }, 60_000);
});
