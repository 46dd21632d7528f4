import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createEngine } from "../../src/engine.js";
import { readManifest } from "../../src/index/index-files.js";
import { hashReport } from "../../src/index/read-report.js";
import { TEXT_ANALYSIS_VERSION } from "../../src/text/analysis-version.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

let ws: Workspace;
const start = async (config = ws.config) => {
  const notices: string[] = [];
  const engine = await createEngine(config, { onNotice: (m) => notices.push(m) });
  await engine.close();
  return { engine, notices };
};

beforeAll(() => {
  ws = makeWorkspace();
});
afterAll(() => ws.cleanup());

describe("starting on a corpus that changed since the last ingest", () => {
  it("builds a missing index, then says nothing while the corpus is unchanged", async () => {
    expect((await start()).notices).toEqual([expect.stringMatching(/^No index yet: building it from .*corpus\/ \(first run only\)…$/)]);
    expect((await start()).notices).toEqual([]);
  });

  it("names, as npm run ingest does, each file of the corpus folder it does not read when it builds the index", async () => {
    const other = makeWorkspace();
    try {
      for (const name of ["figures.csv", "photo.png"]) writeFileSync(path.join(other.corpusDir, name), "a,b\n1,2\n");
      const types = "not a supported report type (.txt, .md, .markdown, .pdf, .html, .htm, .docx)";
      expect((await start(other.config)).notices.slice(1)).toEqual([
        `ignored   figures.csv in the corpus folder: ${types}`,
        `ignored   photo.png in the corpus folder: ${types}`,
      ]);
    } finally {
      other.cleanup();
    }
  });

  it("updates the index when a report is added, and ignores files ingest would refuse", async () => {
    writeFileSync(path.join(ws.corpusDir, "ferry.txt"), "The night ferry to Tangier was cancelled because of high winds, the port authority said on Monday, and passengers were offered seats on the morning boat.");
    writeFileSync(path.join(ws.corpusDir, "empty.txt"), "");
    const first = await start();
    expect(first.notices[0]).toMatch(/corpus\/ changed since the last ingest; updating the index…/);
    expect(first.notices.slice(1)).toEqual([expect.stringMatching(/^skipped   empty\.txt: empty file$/)]);
    expect(first.engine.reports().map((r) => r.id)).toContain("ferry");
    expect((await start()).notices).toEqual([]);
  });

  it("remembers refused files (a title-only report, a clashing id) instead of retrying them at every start", async () => {
    writeFileSync(path.join(ws.corpusDir, "only-title.md"), "# Just a headline\n");
    writeFileSync(path.join(ws.corpusDir, "ferry.md"), "A different ferry story, told by a passenger who crossed on the night boat and wrote down what the crew said about the storm.");
    const first = await start();
    expect(first.notices.join("\n")).toMatch(/skipped   only-title\.md: too little text to answer questions from/);
    expect(first.notices.join("\n")).toMatch(/skipped   ferry\.md: report id "ferry" is already taken by ferry\.txt in the corpus folder$/m);
    expect((await start()).notices).toEqual([]);
    rmSync(path.join(ws.corpusDir, "only-title.md"));
    rmSync(path.join(ws.corpusDir, "ferry.md"));
  });

  it("notices a changed report in a subfolder of the corpus", async () => {
    mkdirSync(path.join(ws.corpusDir, "regional"));
    writeFileSync(path.join(ws.corpusDir, "regional", "lighthouse.txt"), "The old lighthouse has stood for forty years, and the trust that owns it plans to open its lamp room to visitors next summer.");
    await start();
    writeFileSync(path.join(ws.corpusDir, "regional", "lighthouse.txt"), "The old lighthouse has stood for fifty years, and the trust that owns it plans to open its lamp room to visitors next summer.");
    const { notices, engine } = await start();
    expect(notices[0]).toMatch(/changed since the last ingest/);
    expect((await engine.ask("How long has the lighthouse stood?")).citations[0]?.text).toBe("The old lighthouse has stood for fifty years, and the trust that owns it plans to open its lamp room to visitors next summer.");
  });

  it("says a refused update to an indexed report once for each version of its file, and answers from the previous version", async () => {
    const file = path.join(ws.corpusDir, "bakery.txt");
    const opened = "The village bakery reopened on Saturday after a fire in March, and the first loaves sold out within an hour of the doors opening.";
    writeFileSync(file, opened);
    await start();
    const said = async () => (await start()).notices.slice(1);
    writeFileSync(file, "Bakery story to follow.");
    // Only this file's refusal is news: empty.txt, refused at an earlier start and unchanged since, is not said again.
    expect(existsSync(path.join(ws.corpusDir, "empty.txt"))).toBe(true);
    expect(await said()).toEqual(["skipped   bakery.txt: too little text to answer questions from (4 words; a report needs at least 20) (the index keeps its previous version)"]);
    const next = await start();
    expect(next.notices).toEqual([]);
    expect((await next.engine.ask("When did the bakery reopen?")).citations[0]?.text).toBe(opened);
    // Another version, refused too: news once, then not.
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
    expect(await said()).toEqual([expect.stringMatching(/^skipped   bakery\.txt: binary file .*\(the index keeps its previous version\)$/)]);
    expect((await start()).notices).toEqual([]);
    // Mended: read again.
    writeFileSync(file, opened.replace("Saturday", "Sunday"));
    const mended = await start();
    expect(mended.notices).toEqual([expect.stringMatching(/changed since the last ingest/)]);
    expect((await mended.engine.ask("When did the bakery reopen?")).citations[0]?.text).toBe(opened.replace("Saturday", "Sunday"));
    rmSync(file);
    expect((await start()).notices).toEqual([expect.stringMatching(/^A report was removed from/)]);
  });

  it("reads each folder of the corpus once at a start that finds nothing to settle or update", async () => {
    // Every readdir of the process, counted by folder: the one built-in the listing of a folder goes through.
    const fs = createRequire(import.meta.url)("node:fs/promises") as typeof import("node:fs/promises") & Record<string, unknown>;
    const readdir = fs.readdir;
    const reads: string[] = [];
    fs.readdir = ((dir: string, ...rest: never[]) => {
      reads.push(path.relative(ws.root, String(dir)));
      return (readdir as (...args: unknown[]) => unknown)(dir, ...rest);
    }) as typeof readdir;
    syncBuiltinESMExports();
    try {
      expect((await start()).notices).toEqual([]);
    } finally {
      fs.readdir = readdir;
      syncBuiltinESMExports();
    }
    expect(reads.filter((dir) => dir.startsWith("corpus")).sort()).toEqual(["corpus", path.join("corpus", "regional")]);
  });

  it("keeps quiet about a report whose file is there but cannot be read (a link that loops), and keeps it", async () => {
    const file = path.join(ws.corpusDir, "harbour.txt");
    writeFileSync(file, "The harbour wall was repaired in the spring, after the winter storms had washed away a stretch of the old stone near the lifeboat slipway.");
    expect((await start()).engine.reports().map((r) => r.id)).toContain("harbour");
    rmSync(file);
    symlinkSync(file, file);
    try {
      // The start's ingest keeps the report and says why once; the starts after it have nothing to say.
      const first = await start();
      expect(first.engine.reports().map((r) => r.id)).toContain("harbour");
      const next = await start();
      expect(next.notices).toEqual([]);
      expect(next.engine.reports().map((r) => r.id)).toContain("harbour");
    } finally {
      rmSync(file);
    }
    // Gone for real, it is announced and dropped.
    const gone = await start();
    expect(gone.notices[0]).toMatch(/^A report was removed from .*corpus\/; updating the index…$/);
    expect(gone.engine.reports().map((r) => r.id)).not.toContain("harbour");
  });

  it("reads the reports a corpus of links points to, walks a linked folder once, and names a link that leads nowhere once", async () => {
    const other = makeWorkspace({ withFirstReport: false });
    try {
      // The reports are kept elsewhere and linked in (`ln -s ~/reports/*.md corpus/`), a folder of them too.
      const kept = path.join(other.root, "kept");
      mkdirSync(path.join(kept, "regional"), { recursive: true });
      writeFileSync(path.join(kept, "ferry.txt"), "The night ferry to Tangier was cancelled because of high winds, and the two hundred passengers booked on it were put up in hotels near the port.");
      writeFileSync(path.join(kept, "regional", "lighthouse.txt"), "The old lighthouse has stood for forty years on the cape, and the trust that owns it plans to open its lamp room to visitors next summer.");
      symlinkSync(path.join(kept, "ferry.txt"), path.join(other.corpusDir, "ferry.txt"));
      symlinkSync(path.join(kept, "regional"), path.join(other.corpusDir, "regional"));
      // A link back up the tree must not be walked for ever, and one whose target is gone is the user's to fix.
      symlinkSync(other.corpusDir, path.join(kept, "regional", "up"));
      symlinkSync(path.join(kept, "moved-away.txt"), path.join(other.corpusDir, "moved-away.txt"));
      const first = await start(other.config);
      expect(first.engine.reports().map((r) => r.id).sort()).toEqual(["ferry", "lighthouse"]);
      expect(first.notices.slice(1)).toEqual(["skipped   moved-away.txt in the corpus folder: a link to a file that is not there"]);
      expect((await start(other.config)).notices).toEqual([]);
      // A linked report edited where it is kept is noticed like any other.
      writeFileSync(path.join(kept, "ferry.txt"), "The night ferry to Tangier sailed despite high winds. Its two hundred passengers, who had waited a day in hotels near the port, boarded at midnight.");
      const changed = await start(other.config);
      expect(changed.notices[0]).toMatch(/corpus\/ changed since the last ingest; updating the index…$/);
      expect((await changed.engine.ask("Did the night ferry to Tangier sail?")).citations[0]?.text).toBe("The night ferry to Tangier sailed despite high winds.");
    } finally {
      other.cleanup();
    }
  });

  it("cites a Markdown report as rendered, and reads Markdown again once after the reader changed", async () => {
    const file = path.join(ws.corpusDir, "harbour.md");
    const bytes = "# Harbour\n\n**Tuesday, 6am:** The *harbour* crane was [repaired](https://port.example) by the night crew, who worked through the storm to replace its cables and the motor of its winch.\n";
    writeFileSync(file, bytes);
    const { engine } = await start();
    const answer = await engine.ask("When was the harbour crane repaired by the night crew?");
    expect(answer.citations[0]?.text).toBe("Tuesday, 6am: The harbour crane was repaired by the night crew, who worked through the storm to replace its cables and the motor of its winch.");
    // An index built when Markdown was read as plain text stored the bytes' bare sha256: that no longer matches.
    const bare = createHash("sha256").update(bytes).digest("hex");
    expect(hashReport(Buffer.from(bytes), "harbour.md")).not.toBe(bare);
    expect(hashReport(Buffer.from("plain"), "plain.txt")).toBe(createHash("sha256").update("plain").digest("hex"));
    rmSync(file);
    await start();
  });

  it("re-indexes when the chunking settings change", async () => {
    const config = loadConfig({ ...ws.env, CHUNK_SENTENCES: "4", LOG_LEVEL: "silent" });
    expect((await start(config)).notices[0]).toMatch(/chunking settings changed/);
    expect((await start(config)).notices).toEqual([]);
    expect((await start()).notices[0]).toMatch(/chunking settings changed/);
  });

  it("re-indexes, once and with one line, an index built by another sentence splitter or stemmer", async () => {
    // An index written before the analysis was recorded, or by another one, holds other sentences and stems: read as it
    // was, a question's stems would not match its stored ones, nor its sentence ids the sentences cited.
    const { dir } = (await readManifest(ws.config.indexDir))!;
    const file = path.join(dir, "manifest.json");
    const { analysis, ...older } = JSON.parse(readFileSync(file, "utf8")) as { analysis?: number };
    expect(analysis).toBe(TEXT_ANALYSIS_VERSION);
    writeFileSync(file, JSON.stringify(older));
    const { notices, engine } = await start();
    expect(notices[0]).toBe("How reports are split into sentences and words changed since the index was built; re-indexing the reports…");
    // The files an earlier test left that ingest refuses are read again with the rest, and said again.
    expect(notices.slice(1).every((n) => n.startsWith("skipped   "))).toBe(true);
    expect((await readManifest(ws.config.indexDir))!.manifest.analysis).toBe(TEXT_ANALYSIS_VERSION);
    expect((await engine.ask("Who mediated the talks?")).abstained).toBe(false);
    expect((await start()).notices).toEqual([]);
  });

  it("keeps, when it re-indexes for another text analysis, a report whose file outside the corpus folder is gone", async () => {
    // Its stored vectors cannot be reused and its file is gone, but its stored text is whole: dropped, an upgrade lost
    // every report ingested from a file deleted since.
    const outside = makeWorkspace({ withFirstReport: false });
    try {
      const file = path.join(outside.corpusDir, "lighthouse-sale.txt");
      writeFileSync(file, "Lighthouse sold\n\nThe Skerra lighthouse was sold at auction on Friday for 420,000 pounds to a Glasgow couple who plan to turn it into a holiday home.\n");
      const engine = await createEngine(ws.config, { onNotice: () => undefined });
      await engine.ingest([file]);
      await engine.close();
      rmSync(file);
      const { dir } = (await readManifest(ws.config.indexDir))!;
      const manifest = path.join(dir, "manifest.json");
      const { analysis: _, ...older } = JSON.parse(readFileSync(manifest, "utf8")) as { analysis?: number };
      writeFileSync(manifest, JSON.stringify(older));
      const { notices } = await start();
      expect(notices[0]).toMatch(/re-indexing the reports/);
      expect(notices.join("\n")).not.toMatch(/lighthouse-sale: cannot be kept/);
      const after = await createEngine(ws.config, { onNotice: () => undefined });
      try {
        expect(after.reports().map((r) => r.id)).toContain("lighthouse-sale");
        expect((await after.ask("How much was the Skerra lighthouse sold for?")).citations[0]?.reportId).toBe("lighthouse-sale");
      } finally {
        await after.close();
      }
    } finally {
      outside.cleanup();
    }
  });

  it("rebuilds an index whose files are damaged, with a notice, and answers", async () => {
    const segments = path.join(ws.config.indexDir, "segments");
    writeFileSync(path.join(segments, readdirSync(segments)[0]!, "columns.bin"), "garbage");
    const { notices, engine } = await start();
    expect(notices[0]).toMatch(/^The index at .* is unreadable \(.*\); repairing it from the reports' source files…$/);
    expect((await engine.ask("Who mediated the talks?")).abstained).toBe(false);
  });

  it("answers from the live index while another process holds the ingest lock", async () => {
    writeFileSync(path.join(ws.corpusDir, "new-report.txt"), "Snow closed the mountain pass on Monday, and the road crews said it would stay shut until the ploughs could clear the drifts near the summit.");
    writeFileSync(path.join(ws.config.indexDir, "ingest.lock"), String(process.ppid));
    try {
      const { notices, engine } = await start();
      expect(notices[1]).toMatch(/^Another ingest is running .* Answering from the current index meanwhile\.$/);
      expect(engine.reports().map((r) => r.id)).not.toContain("new-report");
    } finally {
      rmSync(path.join(ws.config.indexDir, "ingest.lock"));
      rmSync(path.join(ws.corpusDir, "new-report.txt"));
    }
  });

  // Root reads any file, so the permission cannot be taken away where the tests run as root.
  it.skipIf(process.getuid?.() === 0)("starts with a report file it may not read: the ingest says why once and keeps the report", async () => {
    // It used to stop the start with "EACCES: permission denied, open '<its path on the server>'".
    const ferry = path.join(ws.corpusDir, "ferry.txt");
    chmodSync(ferry, 0o000);
    try {
      const first = await start();
      expect(first.notices[0]).toMatch(/changed since the last ingest; updating the index…$/);
      expect(first.notices).toContain("skipped   ferry.txt in the corpus folder: permission denied");
      expect(first.engine.reports().map((r) => r.id)).toContain("ferry");
      expect((await start()).notices).toEqual([]);
    } finally {
      chmodSync(ferry, 0o644);
    }
  });
});

describe("starting in a checkout copied or moved elsewhere, with its index", () => {
  let root: string;
  /** The first checkout, its index built there, copied whole (`cp -a`) to a second place. */
  let first: Workspace;
  const placed = (dir: string) => ({ CORPUS_DIR: path.join(dir, "corpus"), DATA_DIR: path.join(dir, "data"), INGEST_WORKERS: "1", LOG_LEVEL: "silent" });
  const startIn = (dir: string) => start(loadConfig(placed(dir)));
  const copyFirstTo = (dir: string) => {
    for (const folder of ["corpus", "data"]) cpSync(path.join(root, folder), path.join(dir, folder), { recursive: true });
  };
  const manifestIn = (dir: string) => {
    const index = path.join(dir, "data", "index");
    return path.join(index, readFileSync(path.join(index, "CURRENT"), "utf8").trim(), "manifest.json");
  };

  beforeAll(async () => {
    first = makeWorkspace();
    root = first.root;
    await start(first.config);
  });
  afterAll(() => first.cleanup());

  it("keeps its corpus reports as the same reports, with nothing to update", async () => {
    const copy = path.join(root, "copy");
    copyFirstTo(copy);
    const { notices, engine } = await startIn(copy);
    // It said "report id … is already taken by a report from outside the corpus folder", the first checkout's file.
    expect(notices).toEqual([]);
    expect(engine.reports().map((r) => [r.id, r.source])).toEqual([["afghanistan-pakistan-istanbul-talks", path.join(copy, "corpus", "afghanistan-pakistan-istanbul-talks.txt")]]);
  });

  it("takes over the reports of an index written with the first checkout's absolute paths, once, and keeps them after it is gone", async () => {
    const copy = path.join(root, "older");
    copyFirstTo(copy);
    // As indexes were written before sources were kept relative to the corpus folder.
    const file = manifestIn(copy);
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { reports: Array<{ source: string }> };
    for (const r of manifest.reports) r.source = path.join(first.corpusDir, r.source);
    writeFileSync(file, JSON.stringify(manifest));

    const { notices, engine } = await startIn(copy);
    expect(notices).toEqual([expect.stringMatching(/corpus\/ changed since the last ingest; updating the index…$/)]);
    expect(engine.reports().map((r) => r.source)).toEqual([path.join(copy, "corpus", "afghanistan-pakistan-istanbul-talks.txt")]);
    expect((JSON.parse(readFileSync(manifestIn(copy), "utf8")) as typeof manifest).reports.map((r) => r.source)).toEqual(["afghanistan-pakistan-istanbul-talks.txt"]);
    expect((await startIn(copy)).notices).toEqual([]);
    rmSync(first.corpusDir, { recursive: true });
    const after = await startIn(copy);
    expect(after.notices).toEqual([]);
    expect((await after.engine.ask("Who mediated the talks?")).abstained).toBe(false);
  });
});
