import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Config } from "../../../src/config.js";
import { createAddReport, type Ingest } from "../../../src/engine/add-report.js";
import { ingestWithPages } from "../../../src/engine/ingest-pages.js";
import type { IngestSummary } from "../../../src/engine-types.js";
import { DossierError } from "../../../src/errors.js";
import { withIngestLock } from "../../../src/index/ingest-lock.js";
import { makeWorkspace, type Workspace } from "../../helpers/temp-workspace.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const added = (paths: string[]): IngestSummary => ({
  reports: paths.map((p) => ({ id: path.basename(p, path.extname(p)), title: "T", status: "added", sentences: 1, chunks: 1, ms: 1 })),
  removed: [], missing: [],
  skipped: [],
  ignored: [],
  repaired: [],
  changed: true,
  ms: 1,
});

/**
 * As the engine's runner takes an upload: saved into the corpus folder, ingested by `run`, and put back if refused or
 * failed, under one hold of the index's lock.
 */
const savingUploads =
  (run: (paths: string[]) => Promise<IngestSummary>, config: Config = ws.config): Ingest =>
  (paths, options = {}) =>
    withIngestLock(config.indexDir, (lock) => ingestWithPages(paths, config, lock, run, { failOnFetch: true, uploads: options.uploads }));

let ws: Workspace;
beforeEach(() => {
  ws = makeWorkspace({ withFirstReport: false });
});
afterEach(() => ws.cleanup());

describe("addReport", () => {
  it("saves the upload under its normalised name and ingests that file", async () => {
    const ingested: string[][] = [];
    const addReport = createAddReport(ws.config, savingUploads(async (paths) => (ingested.push(paths), added(paths))));
    const report = await addReport({ fileName: "Millbrook Flood.TXT", bytes: bytes("The river rose.") });
    expect(report.id).toBe("millbrook-flood");
    expect(ingested).toEqual([[path.join(ws.corpusDir, "millbrook-flood.txt")]]);
    expect(await readFile(path.join(ws.corpusDir, "millbrook-flood.txt"), "utf8")).toBe("The river rose.");
  });

  it("refuses what the ingest would refuse before touching the corpus folder", async () => {
    const addReport = createAddReport(ws.config, async (paths) => added(paths));
    await expect(addReport({ fileName: "scan.pdf", bytes: bytes("%PDF") })).rejects.toThrow(/scan\.pdf: not a PDF file/);
    await expect(addReport({ fileName: "blob.txt", bytes: new Uint8Array([0x68, 0x00, 0x01]) })).rejects.toThrow(/binary/);
    expect(await readdir(ws.corpusDir)).toEqual([]);
  });

  it("puts the previous version back and says why in one line when the ingest fails unexpectedly", async () => {
    await writeFile(path.join(ws.corpusDir, "flood.txt"), "Old text.");
    const addReport = createAddReport(
      ws.config,
      savingUploads(async () => {
        throw Object.assign(new Error("ENAMETOOLONG: name too long, open '/very/long/path'"), { code: "ENAMETOOLONG" });
      }),
    );
    const failure = await addReport({ fileName: "flood.txt", bytes: bytes("New text.") }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DossierError);
    expect((failure as Error).message).toBe("The report could not be ingested (ENAMETOOLONG); nothing was changed.");
    expect(await readFile(path.join(ws.corpusDir, "flood.txt"), "utf8")).toBe("Old text.");
    expect(await readdir(ws.corpusDir)).toEqual(["flood.txt"]);
  });

  it("removes an upload the ingest refuses, and puts back the version it would have replaced", async () => {
    await writeFile(path.join(ws.corpusDir, "flood.txt"), "Old text.");
    const refuse = savingUploads(async (paths) => ({ ...added([]), skipped: paths.map((file) => ({ file, reason: `${path.basename(file)}: no sentences found` })) }));
    const addReport = createAddReport(ws.config, refuse);
    await expect(addReport({ fileName: "flood.txt", bytes: bytes("New text.") })).rejects.toThrow("The report was not ingested: flood.txt: no sentences found");
    await expect(addReport({ fileName: "wharf.txt", bytes: bytes("New text.") })).rejects.toMatchObject({ code: "BAD_REPORT" });
    expect(await readdir(ws.corpusDir)).toEqual(["flood.txt"]);
    expect(await readFile(path.join(ws.corpusDir, "flood.txt"), "utf8")).toBe("Old text.");
  });

  it("names the path in the way, and why, when the corpus folder cannot take the upload", async () => {
    const notes = path.join(ws.corpusDir, "notes.txt");
    await writeFile(notes, "Not a folder.");
    const config = { ...ws.config, corpusDir: path.join(notes, "uploads") };
    const addReport = createAddReport(config, savingUploads(async (paths) => added(paths), config));
    const failed = addReport({ fileName: "flood.txt", bytes: bytes("The river rose.") });
    // The reply may go to a Discord user, so the server's own path is left to the log, through the cause.
    await expect(failed).rejects.toThrow("The report could not be saved (the corpus folder: a part of the path is a file, not a folder); nothing was changed.");
    await expect(failed).rejects.toMatchObject({ cause: { path: path.join(notes, "uploads") } });
  });

  it("adds uploads one at a time", async () => {
    let running = 0;
    let most = 0;
    const addReport = createAddReport(
      ws.config,
      savingUploads(async (paths) => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return added(paths);
      }),
    );
    await Promise.all(["a", "b", "c"].map((id) => addReport({ fileName: `${id}.txt`, bytes: bytes(`Report ${id}.`) })));
    expect(most).toBe(1);
  });
});
