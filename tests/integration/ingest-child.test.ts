import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine.js";
import { childProcessRunner } from "../../src/engine/ingest-runner.js";
import type { Engine } from "../../src/engine-types.js";
import { waitingIngest } from "../helpers/waiting-ingest.js";
import { LocalIndexStore } from "../../src/store/local-index-store.js";
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

// That the child leaves the serving process's event loop free while a large report is embedded is checked through the
// bot, which runs this engine: tests/e2e/discord-ingest-load.test.ts.
describe("an ingest while the engine serves", () => {
  it("stops an ingest that runs past INGEST_TIMEOUT_MS, saying so, and leaves the index as it was", async () => {
    const file = path.join(ws.root, "slow-wharf.txt");
    writeFileSync(file, "The wharf crane was repaired by the night crew on Tuesday.");
    const run = childProcessRunner({ ...ws.config, ingestTimeoutMs: 1 }, new LocalIndexStore(ws.config.indexDir, ws.config.corpusDir));
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

  it("saves, ingests and removes a refused upload under one hold of the index's lock: no other ingest sees it", async () => {
    const file = path.join(ws.corpusDir, "broken.pdf");
    // Another process's ingest, waiting for the lock from the moment the upload is saved.
    const other = waitingIngest(ws.config.indexDir, file, () => readdirSync(ws.corpusDir).sort());
    try {
      // A PDF by its first bytes, which the ingest (in its child process) cannot read.
      await expect(engine.addReport({ fileName: "broken.pdf", bytes: Buffer.from("%PDF-1.4\nnot a PDF after all\n") })).rejects.toMatchObject({
        code: "BAD_REPORT",
        message: expect.stringMatching(/^The report was not ingested: broken\.pdf: /),
      });
    } finally {
      await other.done();
    }
    // Saved apart from the ingest, the upload was there for the other ingest to read before its rollback.
    expect(other.seen).toEqual([readdirSync(ws.corpusDir).sort()]);
    expect(existsSync(file)).toBe(false);
  }, 60_000);

  it("removes an upload the child saved before INGEST_TIMEOUT_MS stopped it, once its lock is free", async () => {
    const other = makeWorkspace({ withFirstReport: false });
    try {
      // Thousands of sentences, which the child is still embedding when it is stopped.
      const long = Array.from({ length: 9000 }, (_, i) => `Crane number ${i} on the north wharf was inspected by the night crew.`).join(" ");
      const file = path.join(other.corpusDir, "wharf-log.txt");
      let saved = false;
      const watching = setInterval(() => (saved ||= existsSync(file)), 20);
      const run = childProcessRunner({ ...other.config, ingestTimeoutMs: 15_000 }, new LocalIndexStore(other.config.indexDir, other.config.corpusDir));
      const stopped = run([], { uploads: [{ fileName: "wharf-log.txt", bytes: Buffer.from(long) }] }).finally(() => clearInterval(watching));
      await expect(stopped).rejects.toThrow(/^The ingest took longer than 15 s \(INGEST_TIMEOUT_MS\)/);
      // It was saved before the child was stopped (else this test would prove nothing).
      expect(saved).toBe(true);
      // Left in the corpus folder, the upload would be read by the next start's ingest, with no time limit.
      expect(readdirSync(other.corpusDir)).toEqual([]);
    } finally {
      other.cleanup();
    }
  }, 120_000);
});
