import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { IndexStore } from "../../src/store/index-store.js";
import { openIndexStore } from "../../src/store/open-index-store.js";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { SearchIndex } from "../../src/retrieval/search-index.js";
import { readGeneration, type WriteHooks } from "../../src/index/index-files.js";
import { ingestPaths } from "../../src/index/ingest.js";
import { silentLogger } from "../../src/logger.js";
import { ARTICLE_SENTENCE, makeArticleHtml } from "../helpers/report-documents.js";
import { storesUnderTest, type StoreUnderTest } from "../helpers/store-fixture.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

const embeddings = new LocalUseEmbeddings();
let ws: Workspace;
/** The store under test; unset, ingest uses the workspace's local index folder. */
let opened: IndexStore | undefined;
const ingest = (paths: string[], options = {}, hooks: WriteHooks = {}) => ingestPaths(paths, { config: ws.config, embeddings, logger: silentLogger, store: opened, hooks }, options);

/** A fresh workspace whose index lives in the store under test. */
async function workspaceIn(under: StoreUnderTest, options: { withFirstReport?: boolean } = {}): Promise<IndexStore> {
  ws = makeWorkspace({ ...options, env: await under.freshEnv() });
  opened = await openIndexStore(ws.config);
  return opened;
}

/** Counts embedding calls so a test can prove unchanged reports are not embedded again. */
function countEmbeddings() {
  const original = embeddings.embedDocuments.bind(embeddings);
  const calls: number[] = [];
  embeddings.embedDocuments = async (docs: string[]) => {
    calls.push(docs.length);
    return original(docs);
  };
  return { calls, restore: () => (embeddings.embedDocuments = original) };
}

const SECOND = "# Flood relief\n\nHeavy rains flooded the valley on Monday. Relief agencies sent boats and food to 4,000 families in the villages along the river.\n";

beforeAll(async () => {
  await embeddings.embedQuery("warm up");
});
afterEach(async () => {
  await opened?.close();
  opened = undefined;
  ws.cleanup();
});

for (const under of storesUnderTest()) describe(`ingest, ${under.label}`, () => {
  it("builds an index with sentences, chunks, vectors, BM25 and a manifest", async () => {
    const store = await workspaceIn(under);
    const summary = await ingest([ws.corpusDir]);
    expect(summary.reports).toMatchObject([{ id: "afghanistan-pakistan-istanbul-talks", status: "added", sentences: 18, chunks: 9 }]);
    const gen = await store.readGeneration();
    expect(gen.manifest.embedder).toEqual({ name: "local:universal-sentence-encoder-lite", dimensions: 512 });
    const [record] = gen.manifest.reports;
    expect(record).toMatchObject({ sentenceCount: 18, chunkCount: 9 });
    expect(record!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(gen.segments.map((s) => s.segment.graph.size)).toEqual([9]);
    const index = new SearchIndex(gen);
    const text = index.reportText(record!.id)!;
    const sentences = index.sentencesOf(record!.id).map((s) => s.sentence);
    expect(sentences).toHaveLength(18);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences[3]!.id).toBe("afghanistan-pakistan-istanbul-talks#3");
  });

  it("does not embed unchanged reports again, replaces changed ones and drops reports whose file is gone", async () => {
    const store = await workspaceIn(under);
    await ingest([ws.corpusDir]);
    const second = path.join(ws.corpusDir, "flood-relief.md");
    writeFileSync(second, SECOND);

    const counter = countEmbeddings();
    try {
      const added = await ingest([ws.corpusDir]);
      expect(added.reports.map((r) => [r.id, r.status])).toEqual([
        ["afghanistan-pakistan-istanbul-talks", "unchanged"],
        ["flood-relief", "added"],
      ]);
      expect(counter.calls).toEqual([2]); // only the new report's two sentences

      counter.calls.length = 0;
      const again = await ingest([ws.corpusDir]);
      expect(again.changed).toBe(false);
      expect(counter.calls).toEqual([]);

      writeFileSync(second, SECOND.replace("Monday", "Tuesday") + "More rain is expected.\n");
      const updated = await ingest([ws.corpusDir]);
      expect(updated.reports.find((r) => r.id === "flood-relief")).toMatchObject({ status: "updated", sentences: 3 });
      const gen = await store.readGeneration();
      expect(new SearchIndex(gen).sentencesOf("flood-relief").map((s) => s.sentence.text)).toContain("More rain is expected.");

      rmSync(second);
      const removed = await ingest([ws.corpusDir]);
      expect(removed.removed).toEqual(["flood-relief"]);
      expect((await store.readGeneration()).manifest.reports.map((r) => r.id)).toEqual(["afghanistan-pakistan-istanbul-talks"]);
    } finally {
      counter.restore();
    }
  });

  it("a named ingest keeps a report whose file is gone and names it; only an ingest of its folder drops it", async () => {
    const store = await workspaceIn(under);
    const second = path.join(ws.corpusDir, "flood-relief.md");
    writeFileSync(second, SECOND);
    await ingest([ws.corpusDir]);
    rmSync(second);
    const elsewhere = path.join(ws.root, "harbour.txt");
    writeFileSync(elsewhere, "The harbour reopened on Friday after the storm, once divers had checked the quay walls and the channel had been dredged clear of fallen rocks.\n");

    const named = await ingest([elsewhere]);
    expect(named.removed).toEqual([]);
    expect(named.missing).toEqual([{ id: "flood-relief", source: second }]);
    const ids = async () => (await store.readGeneration()).manifest.reports.map((r) => r.id);
    expect(await ids()).toEqual(["afghanistan-pakistan-istanbul-talks", "flood-relief", "harbour"]);

    const folder = await ingest([ws.corpusDir]);
    expect(folder.removed).toEqual(["flood-relief"]);
    expect(await ids()).toEqual(["afghanistan-pakistan-istanbul-talks", "harbour"]);
  });

  it("keeps the previous index fully usable when an ingest fails before the swap", async () => {
    const store = await workspaceIn(under);
    await ingest([ws.corpusDir]);
    const version = await store.version();
    writeFileSync(path.join(ws.corpusDir, "flood-relief.md"), SECOND);

    await expect(
      ingest(
        [ws.corpusDir],
        {},
        {
          beforeSwap: () => {
            throw new Error("injected crash");
          },
        },
      ),
    ).rejects.toThrow("injected crash");

    expect(await store.version()).toBe(version);
    const gen = await store.readGeneration();
    expect(gen.manifest.reports.map((r) => r.id)).toEqual(["afghanistan-pakistan-istanbul-talks"]);
    expect(gen.segments.map((s) => s.segment.graph.size)).toEqual([9]);
  });

  it("refuses a report with too little text to answer from, keeps its previous version, and changes nothing", async () => {
    const store = await workspaceIn(under);
    const page = path.join(ws.corpusDir, "ferry-terminal.html");
    writeFileSync(page, makeArticleHtml());
    const first = await ingest([ws.corpusDir]);
    const before = first.reports.find((r) => r.id === "ferry-terminal")!;
    expect(before.status).toBe("added");
    // Fetched again once its site had turned into a script that writes the article in the reader's browser.
    writeFileSync(page, '<!doctype html><html><head><title>Ferry terminal</title></head><body><div id="app">Loading…</div><script src="/app.js"></script></body></html>');
    const refused = await ingest([page]);
    expect(refused.skipped.map((s) => s.reason)).toEqual(["ferry-terminal.html: too little text to answer questions from (1 word; a report needs at least 20) (the index keeps its previous version)"]);
    expect(refused.reports).toEqual([]);
    // Every file refused: nothing a question could find changed, though the refusal is written down for the next start.
    expect(refused.changed).toBe(false);
    const gen = await store.readGeneration();
    expect(gen.manifest.refused.map((r) => r.source)).toEqual([page]);
    expect(gen.manifest.reports.find((r) => r.id === "ferry-terminal")?.sentenceCount).toBe(before.sentences);
    expect(new SearchIndex(gen).sentencesOf("ferry-terminal").map((s) => s.sentence.text)).toContain(ARTICLE_SENTENCE);
  });

  it("skips bad files with a one-line reason each and ingests the good ones", async () => {
    await workspaceIn(under, { withFirstReport: false });
    const dir = ws.corpusDir;
    writeFileSync(path.join(dir, "empty.txt"), "");
    writeFileSync(path.join(dir, "binary.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
    writeFileSync(path.join(dir, "latin1.txt"), Buffer.from("caf\xe9 au lait est bon.", "latin1"));
    writeFileSync(path.join(dir, "good.md"), SECOND);
    const summary = await ingest([dir, path.join(dir, "missing.txt")]);
    expect(summary.reports.map((r) => r.id)).toEqual(["good"]);
    const reasons = summary.skipped.map((s) => s.reason).sort();
    expect(reasons).toHaveLength(4);
    expect(reasons.join("\n")).toMatch(/binary\.md: binary file/);
    expect(reasons.join("\n")).toMatch(/empty\.txt: empty file/);
    expect(reasons.join("\n")).toMatch(/latin1\.txt: not valid UTF-8/);
    expect(reasons.join("\n")).toMatch(/missing\.txt: no such file or folder/);
    for (const r of reasons) expect(r).not.toContain("\n");
  });
});

// Inherently about the local store's files on disk (a damaged manifest.json): local only.
describe("ingest, local store only", () => {
  it("names a report it cannot read by its place in the corpus folder and why, not by the system's text", async () => {
    ws = makeWorkspace();
    await ingest([ws.corpusDir]);
    // The report's file replaced by a folder of the same name: its stat succeeds, its read fails (EISDIR).
    const source = path.join(ws.corpusDir, "afghanistan-pakistan-istanbul-talks.txt");
    rmSync(source);
    mkdirSync(source);
    const summary = await ingest([ws.corpusDir], { rebuild: true });
    expect(summary.skipped.map((s) => s.reason)).toEqual(["afghanistan-pakistan-istanbul-talks.txt in the corpus folder: a folder is where a file should be"]);
  });

  it("does not drop a report as gone when its file is there but cannot be looked at", async () => {
    ws = makeWorkspace();
    await ingest([ws.corpusDir]);
    // A link that points at itself: stat fails with ELOOP, not ENOENT. The file is the user's, broken, not deleted.
    const source = path.join(ws.corpusDir, "afghanistan-pakistan-istanbul-talks.txt");
    rmSync(source);
    symlinkSync(source, source);
    const summary = await ingest([ws.corpusDir]);
    expect(summary.removed).toEqual([]);
    expect((await readGeneration(ws.config.indexDir)).manifest.reports.map((r) => r.id)).toEqual(["afghanistan-pakistan-istanbul-talks"]);
  });

  it("stops on an index whose list of reports is unreadable, and rebuilds over it when asked", async () => {
    ws = makeWorkspace();
    await ingest([ws.corpusDir]);
    const gen = await readGeneration(ws.config.indexDir);
    writeFileSync(path.join(gen.dir, "manifest.json"), "{ not json");
    await expect(readGeneration(ws.config.indexDir)).rejects.toThrow(/unreadable.*npm run ingest -- --rebuild/);
    // Which reports it held is unknowable, so a plain ingest must not guess (it could drop them silently).
    await expect(ingest([ws.corpusDir])).rejects.toThrow(/damaged and its list of reports unreadable .*nothing was changed.*--rebuild/);
    await ingest([ws.corpusDir], { rebuild: true });
    expect((await readGeneration(ws.config.indexDir)).manifest.reports).toHaveLength(1);
  });
});
