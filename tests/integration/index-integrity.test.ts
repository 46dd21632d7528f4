import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { askCommand } from "../../src/cli/ask-command.js";
import { runCommand } from "../../src/cli/run-main.js";
import { loadConfig } from "../../src/config.js";
import { shownPath } from "../../src/display/shown-path.js";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { createEngine } from "../../src/engine.js";
import { readGeneration, readManifest } from "../../src/index/index-files.js";
import { ingestPaths } from "../../src/index/ingest.js";
import { silentLogger } from "../../src/logger.js";
import { SearchIndex } from "../../src/retrieval/search-index.js";
import { captureIo } from "../helpers/cli-io.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

const embeddings = new LocalUseEmbeddings();
let ws: Workspace;
const ingest = (paths: string[], options = {}) => ingestPaths(paths, { config: ws.config, embeddings, logger: silentLogger }, options);
const start = async (config = ws.config) => {
  const notices: string[] = [];
  const engine = await createEngine(config, { embeddings, onNotice: (m) => notices.push(m) });
  return { engine, notices };
};
const liveIds = async () => (await readGeneration(ws.config.indexDir)).manifest.reports.map((r) => r.id);
/** A file of the segment that holds a report. */
const segmentFile = async (reportId: string, file: string) => {
  const { manifest } = (await readManifest(ws.config.indexDir))!;
  const segment = manifest.segments.find((s) => s.reports.includes(reportId))!;
  return path.join(ws.config.indexDir, "segments", segment.name, file);
};

/** Three small reports in the corpus and one ingested from outside it. */
async function threeReportsAndAnOutsider(): Promise<string> {
  writeFileSync(path.join(ws.corpusDir, "ferry.txt"), "The night ferry to Tangier was cancelled because of high winds, the port authority said on Monday, and passengers were offered seats on the morning boat.");
  writeFileSync(path.join(ws.corpusDir, "lighthouse.txt"), "The old lighthouse has stood for forty years on the cape, and the trust that owns it plans to open its lamp room to visitors next summer.");
  const outside = path.join(ws.root, "outside");
  mkdirSync(outside);
  writeFileSync(path.join(outside, "bridge.txt"), "The new bridge over the river opened to traffic on Friday, two years late and well over budget, after a long dispute between the council and its builders.");
  await ingest([ws.corpusDir]);
  await ingest([path.join(outside, "bridge.txt")]);
  return outside;
}

beforeAll(async () => {
  await embeddings.embedQuery("warm up");
});
afterEach(() => ws.cleanup());

describe("checksums", () => {
  it("detects a segment file overwritten with random bytes of the same size, and the engine re-embeds that segment's reports alone", async () => {
    ws = makeWorkspace();
    await ingest([ws.corpusDir]);
    writeFileSync(path.join(ws.corpusDir, "ferry.txt"), "The night ferry to Tangier was cancelled because of high winds, the port authority said on Monday, and passengers were offered seats on the morning boat. It sails again on Monday.");
    await ingest([ws.corpusDir]);
    // Ingested apart, the two reports are in two segments (merge-policy.ts: 9 chunks against 1).
    const columns = await segmentFile("ferry", "columns.bin");
    expect(columns).not.toBe(await segmentFile("afghanistan-pakistan-istanbul-talks", "columns.bin"));
    writeFileSync(columns, randomBytes(statSync(columns).size));
    await expect(readGeneration(ws.config.indexDir)).rejects.toThrow(/columns\.bin does not match its checksum/);

    const embedded: number[] = [];
    const original = embeddings.embedDocuments.bind(embeddings);
    embeddings.embedDocuments = async (docs: string[]) => {
      embedded.push(docs.length);
      return original(docs);
    };
    try {
      const { engine, notices } = await start();
      expect(notices[0]).toMatch(/^The index at .* is unreadable \(segments\/seg-[0-9a-f-]+\/columns\.bin does not match its checksum\); repairing it from the reports' source files…$/);
      expect(embedded).toEqual([2]);
      expect((await engine.ask("Why was the night ferry cancelled?")).citations[0]?.reportId).toBe("ferry");
      expect((await readGeneration(ws.config.indexDir)).manifest.reports).toHaveLength(2);
    } finally {
      embeddings.embedDocuments = original;
    }
  });

  it("holds the sha256 of every segment file the generation uses in the manifest", async () => {
    ws = makeWorkspace();
    await ingest([ws.corpusDir]);
    const gen = await readGeneration(ws.config.indexDir);
    const segments = readdirSync(path.join(ws.config.indexDir, "segments"));
    expect(segments).toEqual(gen.manifest.segments.map((s) => s.name));
    const files = segments.flatMap((s) => readdirSync(path.join(ws.config.indexDir, "segments", s)).map((f) => `segments/${s}/${f}`));
    expect(Object.keys(gen.manifest.checksums).sort()).toEqual(files.sort());
  });
});

describe("leftovers", () => {
  it("removes generations, segments and temp files left by an ingest killed after its swap, at the next start", async () => {
    ws = makeWorkspace();
    await start();
    const live = readFileSync(path.join(ws.config.indexDir, "CURRENT"), "utf8");
    const segments = readdirSync(path.join(ws.config.indexDir, "segments"));
    mkdirSync(path.join(ws.config.indexDir, "gen-1-dead00"), { recursive: true });
    mkdirSync(path.join(ws.config.indexDir, "segments", "seg-1-dead00"), { recursive: true });
    writeFileSync(path.join(ws.config.indexDir, "CURRENT.1234"), "gen-1-dead00");
    await start();
    expect(readdirSync(ws.config.indexDir).sort()).toEqual(["CURRENT", live, "segments"].sort());
    expect(readdirSync(path.join(ws.config.indexDir, "segments"))).toEqual(segments);
  });

  it("never removes the generation another ingest is writing: cleaning waits for the lock", async () => {
    ws = makeWorkspace();
    await start();
    writeFileSync(path.join(ws.corpusDir, "ferry.txt"), "The night ferry to Tangier was cancelled because of high winds, the port authority said on Monday, and passengers were offered seats on the morning boat.");
    let release!: () => void;
    let paused!: () => void;
    const atSwap = new Promise<void>((resolve) => (paused = resolve));
    const running = ingestPaths([ws.corpusDir], {
      config: ws.config,
      embeddings,
      logger: silentLogger,
      hooks: { beforeSwap: () => new Promise<void>((resolve) => ((release = resolve), paused())) },
    });
    await atSwap;
    const writing = readdirSync(ws.config.indexDir).filter((f) => f.startsWith("gen-"));
    expect(writing).toHaveLength(2);
    // A second process starting now must leave the half-swapped generation alone (it answers from the live one).
    const { engine } = await start();
    expect(readdirSync(ws.config.indexDir).filter((f) => f.startsWith("gen-")).sort()).toEqual(writing.sort());
    expect(engine.reports().map((r) => r.id)).toEqual(["afghanistan-pakistan-istanbul-talks"]);
    release();
    await running;
    expect((await liveIds()).sort()).toEqual(["afghanistan-pakistan-istanbul-talks", "ferry"]);
  });
});

describe("a damaged live index and a named ingest", () => {
  it("re-reads the reports of a truncated segment from their sources and drops no other report", async () => {
    ws = makeWorkspace();
    await threeReportsAndAnOutsider();
    expect(await liveIds()).toHaveLength(4);
    truncateSync(await segmentFile("ferry", "segment.json"), 10);

    writeFileSync(path.join(ws.root, "new.txt"), "A new report about the harbour festival, held every summer on the quay, which drew more visitors this year than in any year before.");
    const summary = await ingest([path.join(ws.root, "new.txt")]);
    expect(summary.removed).toEqual([]);
    expect(summary.reports.map((r) => [r.id, r.status])).toEqual([
      ["new", "added"],
      ["afghanistan-pakistan-istanbul-talks", "updated"],
      ["ferry", "updated"],
      ["lighthouse", "updated"],
    ]);
    expect((await liveIds()).sort()).toEqual(["afghanistan-pakistan-istanbul-talks", "bridge", "ferry", "lighthouse", "new"]);
    const ferry = new SearchIndex(await readGeneration(ws.config.indexDir)).sentencesOf("ferry");
    expect(ferry.map((s) => s.sentence.text)).toEqual(["The night ferry to Tangier was cancelled because of high winds, the port authority said on Monday, and passengers were offered seats on the morning boat."]);
  });

  it("counts a damaged report whose source is gone as removed", async () => {
    ws = makeWorkspace();
    const outside = await threeReportsAndAnOutsider();
    truncateSync(await segmentFile("bridge", "columns.bin"), 8);
    writeFileSync(path.join(outside, "bridge.txt"), "");
    const summary = await ingest([path.join(ws.corpusDir, "ferry.txt")]);
    expect(summary.removed).toEqual(["bridge"]);
    expect(summary.skipped.map((s) => s.reason)).toEqual(["bridge.txt: empty file"]);
    expect((await liveIds()).sort()).toEqual(["afghanistan-pakistan-istanbul-talks", "ferry", "lighthouse"]);
  });

  it("counts a damaged report whose new version is refused as removed", async () => {
    ws = makeWorkspace({ env: { MAX_REPORT_SENTENCES: "20" } });
    await threeReportsAndAnOutsider();
    truncateSync(await segmentFile("lighthouse", "segment.json"), 5);
    writeFileSync(path.join(ws.corpusDir, "lighthouse.txt"), Array.from({ length: 30 }, (_, i) => `The lighthouse was painted in year ${i}.`).join(" "));
    const summary = await ingest([path.join(ws.corpusDir, "lighthouse.txt")]);
    expect(summary.removed).toEqual(["lighthouse"]);
    expect(summary.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/^lighthouse\.txt: 30 sentences is over the 20-sentence limit/)]);
    expect((await liveIds()).sort()).toEqual(["afghanistan-pakistan-istanbul-talks", "bridge", "ferry"]);
  });

  it("stops without changing anything when the index's list of reports is unreadable", async () => {
    ws = makeWorkspace();
    await threeReportsAndAnOutsider();
    const { dir } = (await readManifest(ws.config.indexDir))!;
    truncateSync(path.join(dir, "manifest.json"), 20);
    const before = readFileSync(path.join(ws.config.indexDir, "CURRENT"), "utf8");
    writeFileSync(path.join(ws.root, "new.txt"), "A new report about the harbour festival, held every summer on the quay, which drew more visitors this year than in any year before.");
    await expect(ingest([path.join(ws.root, "new.txt")])).rejects.toThrow(/damaged and its list of reports unreadable.*nothing was changed/);
    expect(readFileSync(path.join(ws.config.indexDir, "CURRENT"), "utf8")).toBe(before);
  });
});

describe("an index file that is gone", () => {
  it("is named within the index folder in the line a /remove or /ingest reply shows, not by the system's text", async () => {
    ws = makeWorkspace();
    await ingest([ws.corpusDir]);
    const { dir } = (await readManifest(ws.config.indexDir))!;
    rmSync(path.join(dir, "manifest.json"));
    // It was "ENOENT: no such file or directory, open '<the server's index folder>/…/manifest.json'".
    const why = `${path.basename(dir)}/manifest.json in the index folder: missing`;
    await expect(readManifest(ws.config.indexDir)).rejects.toMatchObject({
      code: "INDEX_CORRUPT",
      message: `The index is unreadable (${why}): run \`npm run ingest -- --rebuild\` to rebuild it.`,
      forOperator: `The index at ${ws.config.indexDir} is unreadable (${why}): run \`npm run ingest -- --rebuild\` to rebuild it.`,
    });
    const refused = await ingest([ws.corpusDir]).catch((error: Error) => error);
    expect(refused).toMatchObject({ code: "INDEX_CORRUPT", message: expect.stringContaining(`its list of reports unreadable (${why});`) });
    expect((refused as Error).message).not.toContain(ws.root);
  });
});

describe("a manifest of another shape", () => {
  it("is said in one line, not as zod's list of issues", async () => {
    ws = makeWorkspace();
    await ingest([ws.corpusDir]);
    const { dir } = (await readManifest(ws.config.indexDir))!;
    writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ formatVersion: 1, reports: [] }));
    await expect(readManifest(ws.config.indexDir)).rejects.toMatchObject({
      code: "INDEX_CORRUPT",
      message: "The index is unreadable (not in the expected form: embedder: Invalid input: expected object, received undefined, and 5 more): run `npm run ingest -- --rebuild` to rebuild it.",
    });
  });
});

describe("a start over an index whose list of reports is unreadable", () => {
  it("rebuilds from the corpus folder and says that reports ingested from elsewhere must be ingested again", async () => {
    ws = makeWorkspace();
    const outside = await threeReportsAndAnOutsider();
    const { dir } = (await readManifest(ws.config.indexDir))!;
    writeFileSync(path.join(dir, "manifest.json"), "{ garbled");

    const { engine, notices } = await start();
    // It used to say "repairing it from the reports' source files" and drop the bridge report without a word.
    const corpus = shownPath(ws.corpusDir);
    expect(notices[0]).toBe(
      `The index's list of reports is unreadable (its manifest.json is damaged), so reports ingested from outside ${corpus}/ must be ingested again; rebuilding it from ${corpus}/…`,
    );
    expect(engine.reports().map((r) => r.id).sort()).toEqual(["afghanistan-pakistan-istanbul-talks", "ferry", "lighthouse"]);
    await ingest([path.join(outside, "bridge.txt")]);
    expect((await liveIds()).sort()).toEqual(["afghanistan-pakistan-istanbul-talks", "bridge", "ferry", "lighthouse"]);
  });
});

describe("a CURRENT file that is damaged", () => {
  // CURRENT only names the live generation, which is whole beside it: emptied or deleted, it read as "No index yet …
  // (first run only)", and the start's tidying deleted every generation and segment; naming a generation that is gone, it read
  // as a damaged manifest. Either way the index was rebuilt from the corpus folder and the outsider was lost.
  it.each([
    ["emptied", ""],
    ["naming a generation that is gone", "gen-1-dead00"],
    ["naming a folder outside the index", "../.."],
    ["deleted", undefined],
  ])("%s: the start answers from the one generation there, every report kept", async (_, content) => {
    ws = makeWorkspace();
    await threeReportsAndAnOutsider();
    const live = readFileSync(path.join(ws.config.indexDir, "CURRENT"), "utf8");
    if (content === undefined) rmSync(path.join(ws.config.indexDir, "CURRENT"));
    else writeFileSync(path.join(ws.config.indexDir, "CURRENT"), content);

    const { engine, notices } = await start();
    expect(notices).toEqual([]);
    expect(engine.reports().map((r) => r.id).sort()).toEqual(["afghanistan-pakistan-istanbul-talks", "bridge", "ferry", "lighthouse"]);
    expect(readdirSync(ws.config.indexDir)).toContain(live.trim());
    await engine.close();
  });

  it("with several generations beside it (an ingest killed before its swap), the start answers from the newest whole one", async () => {
    ws = makeWorkspace();
    await threeReportsAndAnOutsider();
    const live = readFileSync(path.join(ws.config.indexDir, "CURRENT"), "utf8").trim();
    // An older generation, and a newer one an ingest was killed while writing (no manifest yet).
    cpSync(path.join(ws.config.indexDir, live), path.join(ws.config.indexDir, "gen-1-000000"), { recursive: true });
    mkdirSync(path.join(ws.config.indexDir, `gen-${Date.now() + 60_000}-ffffff`));
    // And a newer one still whose manifest was cut short (a disk filled): no whole index either.
    const cut = path.join(ws.config.indexDir, `gen-${Date.now() + 120_000}-eeeeee`);
    mkdirSync(cut);
    writeFileSync(path.join(cut, "manifest.json"), readFileSync(path.join(ws.config.indexDir, live, "manifest.json"), "utf8").slice(0, 300));
    writeFileSync(path.join(ws.config.indexDir, "CURRENT"), "");

    const { engine, notices } = await start();
    expect(notices).toEqual([]);
    expect(engine.reports().map((r) => r.id).sort()).toEqual(["afghanistan-pakistan-istanbul-talks", "bridge", "ferry", "lighthouse"]);
    expect(readdirSync(ws.config.indexDir)).toContain(live);
    await engine.close();
  });

  it("deleted, beside only a generation an ingest was killed while writing (no manifest yet), is a first run", async () => {
    ws = makeWorkspace();
    await ingest([ws.corpusDir]);
    const live = readFileSync(path.join(ws.config.indexDir, "CURRENT"), "utf8").trim();
    rmSync(path.join(ws.config.indexDir, live, "manifest.json"));
    rmSync(path.join(ws.config.indexDir, "CURRENT"));
    const { engine, notices } = await start();
    expect(notices.join("\n")).toMatch(/No index yet/);
    expect(notices.join("\n")).not.toMatch(/unreadable|damaged/);
    expect(engine.reports().map((r) => r.id)).toEqual(["afghanistan-pakistan-istanbul-talks"]);
    await engine.close();
  });

  it("with no generation beside it, is no index and is built from the corpus folder", async () => {
    ws = makeWorkspace();
    await ingest([ws.corpusDir]);
    const live = readFileSync(path.join(ws.config.indexDir, "CURRENT"), "utf8").trim();
    rmSync(path.join(ws.config.indexDir, live), { recursive: true });
    writeFileSync(path.join(ws.config.indexDir, "CURRENT"), "");
    const { engine } = await start();
    expect(engine.reports().map((r) => r.id)).toEqual(["afghanistan-pakistan-istanbul-talks"]);
    await engine.close();
  });
});

describe("pathological corpus files", () => {
  it("skips a 1 MB one-paragraph file of 150,000 short lines with its reason, and keeps everything else working", async () => {
    ws = makeWorkspace();
    await start();
    const lines = Array.from({ length: 150_000 }, (_, i) => `entry ${i % 1000}`).join("\n");
    expect(lines.length).toBeGreaterThan(1_000_000);
    writeFileSync(path.join(ws.corpusDir, "lines.txt"), lines);
    writeFileSync(path.join(ws.corpusDir, "ferry.txt"), "The night ferry to Tangier was cancelled because of high winds, the port authority said on Monday, and passengers were offered seats on the morning boat.");
    const config = loadConfig({ ...ws.env, LOG_LEVEL: "silent", MAX_REPORT_SENTENCES: "500" });
    const { engine, notices } = await start(config);
    expect(notices.join("\n")).toMatch(/skipped   lines\.txt: \d+ sentences is over the 500-sentence limit/);
    expect(engine.reports().map((r) => r.id).sort()).toEqual(["afghanistan-pakistan-istanbul-talks", "ferry"]);
    expect((await engine.ask("Why was the night ferry cancelled?")).abstained).toBe(false);
  });

  it("ingests a report whose 251-byte file name is too long to store as is", async () => {
    ws = makeWorkspace();
    const name = `${"a".repeat(247)}.txt`;
    expect(Buffer.byteLength(name)).toBe(251);
    writeFileSync(path.join(ws.corpusDir, name), "A report with a very long file name about the ferry strike, which closed the crossing for three days and left hundreds of lorries queuing at the port.");
    const { engine, notices } = await start();
    expect(notices.filter((n) => n.startsWith("Skipped"))).toEqual([]);
    expect(engine.reports().map((r) => r.id)).toContain("a".repeat(247));
    expect((await engine.ask("What was the report about the ferry strike?", { reportIds: ["a".repeat(247)] })).abstained).toBe(false);
  });

  it("starts and answers from the previous index when updating it fails", async () => {
    ws = makeWorkspace();
    await start();
    writeFileSync(path.join(ws.corpusDir, "ferry.txt"), "The night ferry to Tangier was cancelled because of high winds, the port authority said on Monday, and passengers were offered seats on the morning boat.");
    // A stale guard lock folder that cannot be removed (something was put inside it): every ingest fails, not busy.
    const guard = path.join(ws.config.indexDir, "ingest.lock.guard");
    mkdirSync(guard);
    writeFileSync(path.join(guard, "stray"), "");
    const past = new Date(Date.now() - 60_000);
    utimesSync(guard, past, past);
    const { engine, notices } = await start();
    expect(notices.join("\n")).toMatch(/Could not update the index: .* Answering from the current index meanwhile\./);
    expect(engine.reports().map((r) => r.id)).toEqual(["afghanistan-pakistan-istanbul-talks"]);
  });
});

describe("an index folder that cannot be read", () => {
  it("says what is wrong with it in one line: DATA_DIR is a file, CURRENT is a folder, segments is a file", async () => {
    ws = makeWorkspace();
    const dataFile = path.join(ws.root, "data-file");
    writeFileSync(dataFile, "");
    // Both used to end in "dossier: unexpected error: ENOTDIR: …" or "… EISDIR: …".
    const notAFolder = captureIo({ ...ws.env, DATA_DIR: dataFile, LOG_LEVEL: "silent" });
    expect(await runCommand((cliIo) => askCommand(["Who mediated the talks?"], cliIo), notAFolder)).toBe(1);
    expect(notAFolder.err()).toBe(
      `dossier: Cannot read the index at ${path.join(dataFile, "index")} (a part of the path is a file, not a folder); check that folder (DATA_DIR, INDEX_DIR).\n`,
    );

    await ingest([ws.corpusDir]);
    rmSync(path.join(ws.config.indexDir, "CURRENT"));
    mkdirSync(path.join(ws.config.indexDir, "CURRENT"));
    const folderInTheWay = captureIo({ ...ws.env, LOG_LEVEL: "silent" });
    expect(await runCommand((cliIo) => askCommand(["Who mediated the talks?"], cliIo), folderInTheWay)).toBe(1);
    expect(folderInTheWay.err()).toBe(`dossier: Cannot read the index at ${ws.config.indexDir} (a folder is where a file should be); check that folder (DATA_DIR, INDEX_DIR).\n`);

    // The segments folder replaced by a file: said as the folder's problem, not as "ENOTDIR: not a directory, open '…'".
    rmSync(ws.config.indexDir, { recursive: true });
    await ingest([ws.corpusDir]);
    const segments = path.join(ws.config.indexDir, "segments");
    rmSync(segments, { recursive: true });
    writeFileSync(segments, "");
    const fileInTheWay = captureIo({ ...ws.env, LOG_LEVEL: "silent" });
    expect(await runCommand((cliIo) => askCommand(["Who mediated the talks?"], cliIo), fileInTheWay)).toBe(1);
    expect(fileInTheWay.err()).toBe(
      `dossier: Cannot read the index at ${ws.config.indexDir} (a part of the path is a file, not a folder); check that folder (DATA_DIR, INDEX_DIR).\n`,
    );

    // Before the first ingest there is nothing to read, so it is the write that meets the file, and names it.
    rmSync(ws.config.indexDir, { recursive: true });
    mkdirSync(ws.config.indexDir);
    writeFileSync(segments, "");
    // The line an /ingest reply shows a Discord user names the folder by its setting; the operator's, in full.
    await expect(ingest([ws.corpusDir])).rejects.toMatchObject({
      code: "INDEX_UNWRITABLE",
      message: "Cannot write the index folder (INDEX_DIR): segments in the index folder: a file is in the way; check that folder.",
      forOperator: `Cannot write the index at ${ws.config.indexDir} (${segments}: a file is in the way); check that folder.`,
    });
  });

  it("names no server path in the line a Discord user may see, and the full path in the operator's", async () => {
    ws = makeWorkspace();
    const dataFile = path.join(ws.root, "data-file");
    writeFileSync(dataFile, "");
    const config = loadConfig({ ...ws.env, DATA_DIR: dataFile, LOG_LEVEL: "silent" });
    // DossierError.message is what a Discord reply shows (userMessage); forOperator, what the terminal and log show.
    await expect(ingestPaths([ws.corpusDir], { config, embeddings, logger: silentLogger })).rejects.toMatchObject({
      code: "INDEX_UNWRITABLE",
      message: "Cannot write the index folder (INDEX_DIR): a part of the path is a file, not a folder; check that folder.",
      forOperator: `Cannot write the index at ${config.indexDir} (a part of the path is a file, not a folder); check that folder.`,
    });
  });
});

describe("an empty or missing corpus", () => {
  it("warns at start and answers every question with the reason", async () => {
    ws = makeWorkspace({ withFirstReport: false, env: { CORPUS_DIR: "/nonexistent" } });
    const { engine, notices } = await start();
    // One line, naming a folder outside the working folder as it is, not as a chain of ../
    expect(notices).toEqual([expect.stringMatching(/^No reports are loaded: the corpus folder \/nonexistent does not exist \(CORPUS_DIR\)\. Add reports there/)]);
    // Every answer says it too, and an answer may go to a Discord user: the folder by its setting, not its path.
    await expect(engine.ask("Who mediated the talks?")).rejects.toMatchObject({
      code: "NO_REPORTS",
      message: "No reports are loaded: the corpus folder does not exist (CORPUS_DIR). Add reports there and run `npm run ingest`, or use /ingest in Discord.",
      forOperator: notices[0],
    });
    await engine.close();
  });

  it("npm run ask says there are no reports once, not as a notice and again as the error", async () => {
    ws = makeWorkspace({ withFirstReport: false, env: { CORPUS_DIR: "/nonexistent" } });
    const io = captureIo({ ...ws.env, LOG_LEVEL: "silent" });
    expect(await runCommand((cliIo) => askCommand(["Who mediated the talks?"], cliIo), io)).toBe(1);
    expect(io.err().match(/No reports are loaded/g)).toHaveLength(1);
  });

  it("warns that the corpus folder is missing when an index built earlier still answers", async () => {
    ws = makeWorkspace();
    await ingest([ws.corpusDir]);
    const { engine, notices } = await start(loadConfig({ ...ws.env, CORPUS_DIR: "/nonexistent" }));
    expect(notices).toEqual(["The corpus folder /nonexistent (CORPUS_DIR) does not exist; answering from the index as last built (1 report)."]);
    expect((await engine.ask("Who mediated the talks?")).citations.length).toBeGreaterThan(0);
    await engine.close();
  });

  it("says an existing corpus folder holds no report", async () => {
    ws = makeWorkspace({ withFirstReport: false });
    writeFileSync(path.join(ws.corpusDir, "notes.csv"), "a,b\n");
    const { engine, notices } = await start();
    expect(notices.at(-1)).toMatch(/^No reports are loaded: the corpus folder .*corpus holds no readable report \(\.txt, \.md, \.markdown, \.pdf, .*\.docx\) \(CORPUS_DIR\)\./);
    await expect(engine.ask("Who mediated the talks?")).rejects.toThrow(/^No reports are loaded/);
  });
});
