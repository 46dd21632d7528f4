import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import { z } from "zod";
import { nameInFolder } from "../core/corpus-name.js";
import { errorCode } from "../core/error-code.js";
import { DossierError } from "../errors.js";
import { manifestSchema, reportListSchema } from "./index-schema.js";
import { indexFolderProblem, isFolderReadProblem } from "./index-folder-problem.js";
import { LOCK } from "./ingest-lock.js";
import { MAX_SEGMENT_CHUNKS, planMerges, splitNewReports } from "./merge-policy.js";
import { type ChunkRecord, INDEX_FORMAT_VERSION, type Manifest, type ReportRecord, type SegmentRef, type SentenceRecord } from "./records.js";
import { sentenceId } from "../core/sentence-id.js";
import { stems } from "../text/terms.js";
import { dequantize } from "./quantize.js";
import { decodeReports, hashFile, readSegment, SEGMENT_FILES, type Segment, type SegmentReport, segmentReport, writeSegment } from "./segment.js";
import type { VectorIndex } from "./vector-index.js";

/**
 * On disk an index is a folder of immutable segments (segment.ts), generations that each list the segments and
 * reports they hold, and a CURRENT file naming the live generation:
 *
 *   <indexDir>/CURRENT                       name of the live generation
 *   <indexDir>/gen-<time>-<rand>/manifest.json   reports, segments (each with its live reports), sha256 of their files
 *   <indexDir>/segments/seg-<time>-<rand>/   segment.json, columns.bin, chunks.hnsw
 *
 * An ingest writes the reports it embedded as new segments (one unless they pass the merge policy's cap), merges segments as merge-policy.ts says, writes a
 * manifest in a new generation folder, and swaps CURRENT by an atomic rename; a crash at any moment leaves the previous
 * generation whole. A report removed or replaced stays in its old segment's files but not in the segment's list of
 * live reports (a tombstone), until a merge drops it. Files no live generation names are removed under the ingest lock.
 */

/** A report with everything the index keeps of it, as ingest builds it and every store takes it; vectors are L2-normalised. */
export interface StoredReport {
  id: string;
  text: string;
  sentences: SentenceRecord[];
  chunks: ChunkRecord[];
  sentenceVectors: Float32Array[];
  chunkVectors: Float32Array[];
}

export interface LoadedSegment {
  segment: Segment;
  /** Per report of the segment: 1 while live. Chunks of other reports are hidden from its graph. */
  live: Uint8Array;
}

export interface IndexGeneration {
  dir: string;
  manifest: Manifest;
  segments: LoadedSegment[];
}

/**
 * New reports already in segment form, in the draft's order, with their chunks' graph built (labels in that order): how
 * a writer that builds reports one at a time (the bench's million-chunk archive) hands them over without also holding
 * every report's texts and float32 vectors. Each is written as one segment, so it holds at most the cap's chunks.
 */
export interface BuiltSegment {
  reports: SegmentReport[];
  graph: VectorIndex;
}

/** A manifest before its generation is written: segments and checksums come from what is written. */
export type ManifestDraft = Omit<Manifest, "checksums" | "segments">;

const CURRENT = "CURRENT";
const MANIFEST = "manifest.json";
const SEGMENTS = "segments";
const MISSING_HINT = "run `npm run ingest` to build it";

export async function currentGenerationDir(indexDir: string): Promise<string | undefined> {
  let name: string;
  try {
    name = (await readFile(path.join(indexDir, CURRENT), "utf8")).trim();
  } catch (error) {
    // Deleted (by hand, or left out of a copy), CURRENT is damage like an emptied one (below): read as no index, the
    // start's tidying deleted the generations beside it and the rebuild from the corpus folder lost every report from
    // elsewhere. With no generation beside it, this is a first run.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return generationBeside(indexDir);
    // DATA_DIR is a file, a folder has no read permission, CURRENT is a folder: said as such, not as an unexpected error.
    throw indexFolderProblem(indexDir, error, "read");
  }
  if (GENERATION.test(name) && (await isFolder(path.join(indexDir, name)))) return path.join(indexDir, name);
  // CURRENT only names the live generation, which every ingest and start leaves alone beside it. Emptied or naming a
  // folder that is not there (edited, restored from a partial copy), it read as no index or a damaged list of reports:
  // the start's tidying deleted the generation and the rebuild from the corpus folder lost every report from
  // elsewhere. The one generation there is the live one; with several (an ingest killed before its swap left one),
  // the newest whole one, whose manifest is written last: it holds what the live one held and what that ingest did.
  return (await generationBeside(indexDir)) ?? (name === "" ? undefined : path.join(indexDir, name));
}

/** A generation folder's name as an ingest writes it; anything else in CURRENT is damage, never a path to follow. */
const GENERATION = /^gen-[\w-]+$/;

const isFolder = (dir: string) => stat(dir).then((s) => s.isDirectory(), () => false);

async function generationBeside(indexDir: string): Promise<string | undefined> {
  const entries = await readdir(indexDir, { withFileTypes: true }).catch(() => []);
  const generations = entries.filter((e) => e.isDirectory() && GENERATION.test(e.name)).map((e) => path.join(indexDir, e.name));
  const manifests = await Promise.all(generations.map(async (dir) => ({ dir, manifest: await manifestState(dir) })));
  const newest = (state: ManifestState) => manifests.filter((g) => g.manifest === state).sort((a, b) => writtenAt(b.dir) - writtenAt(a.dir))[0]?.dir;
  // A generation with no manifest is an ingest killed before it finished (its first, when CURRENT was never written):
  // no index. One whose manifest is damaged is still the index, said as damaged, when there is no whole one.
  return newest("whole") ?? newest("damaged");
}

type ManifestState = "whole" | "damaged" | "missing";

/** The manifest is written last: all there, or cut short (a disk filled, a partial copy), or not written at all. */
async function manifestState(dir: string): Promise<ManifestState> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST), "utf8");
  } catch {
    return "missing";
  }
  try {
    JSON.parse(text);
    return "whole";
  } catch {
    return "damaged";
  }
}

/** When an ingest named a generation ("gen-<milliseconds>-<random>"). */
const writtenAt = (dir: string) => Number(/^gen-(\d+)-/.exec(path.basename(dir))?.[1] ?? 0);

/**
 * The live generation's folder and manifest, read once so a swap in between cannot mix two generations. This is the
 * one shape check of an index: staleness, ingest and loading all read the manifest through it.
 */
export async function readManifest(indexDir: string): Promise<{ dir: string; manifest: Manifest } | undefined> {
  const dir = await currentGenerationDir(indexDir);
  if (!dir) return undefined;
  try {
    const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(dir, MANIFEST), "utf8")));
    if (manifest.formatVersion !== INDEX_FORMAT_VERSION) throw new Error(`format version ${manifest.formatVersion}`);
    return { dir, manifest };
  } catch (error) {
    throw corrupt(indexDir, error);
  }
}

const segmentDir = (indexDir: string, name: string) => path.join(indexDir, SEGMENTS, name);

/** The checksums of one segment's files, by file name, from a manifest. */
function segmentChecksums(manifest: Pick<Manifest, "checksums">, name: string): Record<string, string | undefined> {
  return Object.fromEntries(SEGMENT_FILES.map((f) => [f, manifest.checksums[`${SEGMENTS}/${name}/${f}`]]));
}

/** Loads the live generation; INDEX_MISSING when there is none, INDEX_CORRUPT when any part is unreadable or altered. */
export async function readGeneration(indexDir: string): Promise<IndexGeneration> {
  const live = await readManifest(indexDir);
  if (!live) throw new DossierError("INDEX_MISSING", `No index at ${indexDir}: ${MISSING_HINT}.`);
  const { dir, manifest } = live;
  try {
    const segments = await Promise.all(manifest.segments.map((ref) => loadSegment(indexDir, manifest, ref)));
    const held = new Set(manifest.segments.flatMap((ref) => ref.reports));
    const lost = manifest.reports.find((r) => !held.has(r.id));
    if (lost || held.size !== manifest.reports.length) throw new Error(`report ${lost?.id ?? "?"} is in no segment, or in two`);
    return { dir, manifest, segments };
  } catch (error) {
    throw corrupt(indexDir, error);
  }
}

async function loadSegment(indexDir: string, manifest: Manifest, ref: SegmentRef): Promise<LoadedSegment> {
  const segment = await readSegment(segmentDir(indexDir, ref.name), segmentChecksums(manifest, ref.name));
  const liveIds = new Set(ref.reports);
  const live = Uint8Array.from(segment.reportIds, (id) => (liveIds.has(id) ? 1 : 0));
  if (live.reduce((n, x) => n + x, 0) !== liveIds.size) throw new Error(`segment ${ref.name} lacks some of its reports`);
  for (let r = 0; r < live.length; r++) {
    if (!live[r]) for (let c = segment.chunkBase[r]!; c < segment.chunkBase[r + 1]!; c++) segment.graph.hide(c);
  }
  return { segment, live };
}

/** The live reports of a loaded generation as ingest built them (sentence vectors as stored, int8), to copy an index. */
export function readStoredReports(generation: IndexGeneration): Map<string, StoredReport> {
  const out = new Map<string, StoredReport>();
  for (const { segment, live } of generation.segments) {
    const which = segment.reportIds.flatMap((_, r) => (live[r] ? [r] : []));
    for (const report of decodeReports(segment, which)) {
      const dims = segment.dimensions;
      const { id, text } = report;
      const sentences = report.sentences.map((s, index) => ({ id: sentenceId(id, index), reportId: id, index, text: text.slice(s.start, s.end), ...s }));
      out.set(id, {
        id,
        text,
        sentences,
        chunks: report.chunks.map((c, i) => ({ id: `${id}@${i}`, reportId: id, firstSentence: c.first, lastSentence: c.last, text: sentences.slice(c.first, c.last + 1).map((s) => s.text).join(" ") })),
        sentenceVectors: sentences.map((_, i) => dequantize(report.sentenceVectors.values, report.sentenceVectors.scales, i, dims)),
        chunkVectors: report.chunkVectors,
      });
    }
  }
  return out;
}

/** What an ingest can reuse of the live generation: the reports whose segments are intact, and which ones are not. */
export interface PreviousIndex {
  /** The live manifest; undefined when only its list of reports could be read (damaged, or an older format). */
  manifest?: Manifest;
  records: ReportRecord[];
  /** Ids of reports whose segment's files match their checksums. */
  intact: Set<string>;
  damaged: ReportRecord[];
}

/**
 * Checks the live generation segment by segment, so one damaged segment costs re-reading its reports from their
 * sources and not losing the others. Undefined when there is no index; INDEX_CORRUPT when not even its list of reports
 * is readable.
 */
export async function readPreviousIndex(indexDir: string): Promise<PreviousIndex | undefined> {
  let live: { dir: string; manifest: Manifest } | undefined;
  try {
    live = await readManifest(indexDir);
  } catch (error) {
    const dir = await currentGenerationDir(indexDir).catch(() => undefined);
    const list = dir && (await readReportList(dir));
    if (!list) throw error;
    return { records: list, intact: new Set(), damaged: list };
  }
  if (!live) return undefined;
  const { manifest } = live;
  const intact = new Set<string>();
  for (const ref of manifest.segments) {
    if (await segmentIntact(indexDir, manifest, ref.name)) for (const id of ref.reports) intact.add(id);
  }
  return { manifest, records: manifest.reports, intact, damaged: manifest.reports.filter((r) => !intact.has(r.id)) };
}

async function segmentIntact(indexDir: string, manifest: Manifest, name: string): Promise<boolean> {
  const expected = segmentChecksums(manifest, name);
  for (const file of SEGMENT_FILES) {
    if ((await hashFile(path.join(segmentDir(indexDir, name), file))) !== expected[file]) return false;
  }
  return true;
}

async function readReportList(dir: string): Promise<ReportRecord[] | undefined> {
  try {
    return reportListSchema.parse(JSON.parse(await readFile(path.join(dir, MANIFEST), "utf8"))).reports;
  } catch {
    return undefined;
  }
}

function corrupt(indexDir: string, error: unknown): DossierError {
  // Not "run a rebuild": the folder is at fault, and its errno text ("ENOTDIR: not a directory, open '…'") means little.
  if (isFolderReadProblem(error)) return indexFolderProblem(indexDir, error, "read");
  const why = indexFileProblem(indexDir, error) ?? shapeProblem(error) ?? (error instanceof Error ? error.message : String(error));
  const unreadable = (where: string) => `${where} is unreadable (${why}): run \`npm run ingest -- --rebuild\` to rebuild it.`;
  return new DossierError("INDEX_CORRUPT", unreadable("The index"), { cause: error, detail: why, forOperator: unreadable(`The index at ${indexDir}`) });
}

/**
 * A file of the index that failed to read (gone, an I/O error), named within the index folder with its error code:
 * the system's text ("ENOENT: no such file or directory, open '/srv/…/manifest.json'") names the server's paths, and
 * the line may be a /remove or /ingest reply to a Discord user. The cause keeps the full text for the log.
 */
function indexFileProblem(indexDir: string, error: unknown): string | undefined {
  const code = errorCode(error);
  if (code === undefined) return undefined;
  const at = (error as NodeJS.ErrnoException).path;
  const named = (at && nameInFolder(at, indexDir, "the index folder")) || "a file of the index";
  return `${named}: ${code === "ENOENT" ? "missing" : code}`;
}

/**
 * A manifest or segment of another shape (edited by hand, written by another version) in one line: zod's own text is
 * every issue as indented JSON, which would spread a Discord reply or a terminal line over dozens of lines.
 */
function shapeProblem(error: unknown): string | undefined {
  if (!(error instanceof z.ZodError) || error.issues.length === 0) return undefined;
  const [first] = error.issues;
  const more = error.issues.length > 1 ? `, and ${error.issues.length - 1} more` : "";
  return `not in the expected form: ${first!.path.join(".") || "the whole file"}: ${first!.message}${more}`;
}

export interface WriteHooks {
  /** Runs after everything is on disk and before CURRENT changes: a failure there must leave the previous generation live. */
  beforeSwap?: () => void | Promise<void>;
  /** Runs while a merged segment is half written: columns on disk, graph not yet (test seam for a kill then). */
  duringMerge?: () => void | Promise<void>;
  /** The merge policy's cap on a segment's chunks, smaller for tests that need several segments of a small index. */
  maxSegmentChunks?: number;
}

/**
 * Makes `draft` the live index: the reports in `added` are written as new segments of at most the cap's chunks, every other report of the draft
 * stays in the live segment that holds it, and reports not in the draft are dropped (tombstoned). Then segments merge
 * as the merge policy says, and a new generation naming them is swapped in. Kept segments are not rewritten: an
 * ingest costs what it adds, plus the merges it triggers. Only the holder of the ingest lock calls this.
 */
export async function writeGeneration(indexDir: string, draft: ManifestDraft, added: Map<string, StoredReport> | BuiltSegment[], hooks: WriteHooks = {}): Promise<void> {
  await mkdir(path.join(indexDir, SEGMENTS), { recursive: true }).catch((error: unknown) => {
    throw indexFolderProblem(indexDir, error, "write");
  });
  const live = await readManifest(indexDir).catch(() => undefined);
  const addedIds = new Set(added instanceof Map ? added.keys() : added.flatMap((b) => b.reports.map((r) => r.id)));
  const maxChunks = hooks.maxSegmentChunks ?? MAX_SEGMENT_CHUNKS;
  const wanted = new Set(draft.reports.map((r) => r.id).filter((id) => !addedIds.has(id)));
  let segments: SegmentRef[] = (live?.manifest.segments ?? [])
    .map((ref) => ({ ...ref, reports: ref.reports.filter((id) => wanted.has(id)) }))
    .filter((ref) => ref.reports.length > 0);
  const held = new Set(segments.flatMap((ref) => ref.reports));
  const lost = [...wanted].find((id) => !held.has(id));
  if (lost !== undefined) throw new Error(`report ${lost} is neither embedded by this ingest nor in the live index`);

  const name = `gen-${Date.now()}-${randomBytes(3).toString("hex")}`;
  const dir = path.join(indexDir, name);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  try {
    const checksums: Record<string, string> = {};
    const note = (segment: string, sums: Record<string, string | undefined>) => {
      for (const [file, sum] of Object.entries(sums)) checksums[`${SEGMENTS}/${segment}/${file}`] = sum!;
    };
    for (const ref of segments) note(ref.name, segmentChecksums(live!.manifest, ref.name));
    const dims = draft.embedder.dimensions;
    for (const { reports, graph } of newSegments(draft, added, maxChunks)) {
      const segment = newSegmentName();
      written.push(segment);
      note(segment, await writeSegment(segmentDir(indexDir, segment), dims, reports, graph));
      segments.push({ name: segment, chunks: reports.reduce((n, r) => n + r.chunks.length, 0), reports: reports.map((r) => r.id) });
    }
    const chunkCount = new Map(draft.reports.map((r) => [r.id, r.chunkCount]));
    const sizes = segments.map((ref) => ({ name: ref.name, total: ref.chunks, live: ref.reports.reduce((n, id) => n + chunkCount.get(id)!, 0) }));
    for (const group of planMerges(sizes, maxChunks)) {
      const refs = group.map((g) => segments.find((s) => s.name === g)!);
      const merged = newSegmentName();
      written.push(merged);
      const { ref, sums } = await mergeSegments(indexDir, merged, refs, checksums, dims, hooks);
      note(merged, sums);
      segments = segments.flatMap((s) => (s === refs[0] ? [ref] : refs.includes(s) ? [] : [s]));
    }
    const manifest: Manifest = {
      ...draft,
      segments,
      checksums: Object.fromEntries(Object.entries(checksums).filter(([file]) => segments.some((s) => file.startsWith(`${SEGMENTS}/${s.name}/`)))),
    };
    await writeFileAtomic(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
    for (const segment of written) await syncFile(segmentDir(indexDir, segment));
    await syncFile(path.join(indexDir, SEGMENTS));
    await syncFile(dir);
    await hooks.beforeSwap?.();
    // write-file-atomic writes a temp file, fsyncs it and renames it over CURRENT: the swap is one atomic rename.
    await writeFileAtomic(path.join(indexDir, CURRENT), name);
    await syncFile(indexDir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    for (const segment of written) await rm(segmentDir(indexDir, segment), { recursive: true, force: true });
    throw error;
  }
  await removeStaleGenerations(indexDir);
}

/** The added reports cut into segments as the merge policy says, each with its graph when the caller built it. */
function newSegments(draft: ManifestDraft, added: Map<string, StoredReport> | BuiltSegment[], maxChunks: number): Array<{ reports: SegmentReport[]; graph?: VectorIndex }> {
  if (!(added instanceof Map)) {
    const over = added.find((b) => b.reports.reduce((n, r) => n + r.chunks.length, 0) > maxChunks);
    if (over) throw new Error(`a built segment holds more than the ${maxChunks} chunks a segment may hold`);
    return added;
  }
  const reports = draft.reports.filter((r) => added.has(r.id)).map((r) => segmentReport(added.get(r.id)!, stems));
  return splitNewReports(reports.map((r) => r.chunks.length), maxChunks).map((group) => ({ reports: group.map((i) => reports[i]!) }));
}

const newSegmentName = () => `seg-${Date.now()}-${randomBytes(3).toString("hex")}`;

/**
 * The live reports of consecutive segments as one new segment. The first (largest) segment's graph is kept and the
 * others' chunks appended to it when it has no deleted reports; otherwise the graph is built anew from the live chunks.
 */
async function mergeSegments(indexDir: string, name: string, refs: SegmentRef[], checksums: Record<string, string>, dims: number, hooks: WriteHooks) {
  const reports: SegmentReport[] = [];
  let graph: VectorIndex | undefined;
  for (const [i, ref] of refs.entries()) {
    const segment = await readSegment(segmentDir(indexDir, ref.name), segmentChecksums({ checksums }, ref.name));
    const live = new Set(ref.reports);
    const which = segment.reportIds.flatMap((id, r) => (live.has(id) ? [r] : []));
    const decoded = decodeReports(segment, which);
    if (i === 0 && which.length === segment.reportIds.length) graph = segment.graph;
    else graph?.append(decoded.flatMap((r) => r.chunkVectors));
    reports.push(...decoded);
  }
  const sums = await writeSegment(segmentDir(indexDir, name), dims, reports, graph, hooks.duringMerge);
  return { ref: { name, chunks: reports.reduce((n, r) => n + r.chunks.length, 0), reports: reports.map((r) => r.id) }, sums };
}

/** Flushes a file or folder entry to disk, so a power cut after the swap cannot leave CURRENT naming half-written files. */
async function syncFile(file: string): Promise<void> {
  const handle = await open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Removes generations other than the live one, and temp files, left by earlier runs or crashes. Only ever called by
 * the holder of the ingest lock, so it cannot remove a generation another ingest is writing. Best effort: whatever is
 * left now is removed next time.
 */
export async function removeStaleGenerations(indexDir: string): Promise<void> {
  const live = await currentGenerationDir(indexDir).catch(() => undefined);
  await removeStaleSegments(indexDir);
  for (const entry of await readdir(indexDir).catch(() => [])) {
    if (entry === CURRENT || entry.startsWith(LOCK)) continue;
    if (live && entry === path.basename(live)) continue;
    if (entry.startsWith("gen-") || entry.startsWith(`${CURRENT}.`)) {
      await rm(path.join(indexDir, entry), { recursive: true, force: true }).catch(() => undefined);
    }
  }
}


/** Segments the live generation does not name; none when the live manifest cannot be read (they may be its own). */
async function removeStaleSegments(indexDir: string): Promise<void> {
  const live = await readManifest(indexDir).catch(() => undefined);
  const entries = await readdir(path.join(indexDir, SEGMENTS)).catch(() => []);
  if (!live && (await currentGenerationDir(indexDir).catch(() => "unreadable"))) return;
  const keep = new Set(live?.manifest.segments.map((s) => s.name));
  for (const entry of entries) {
    if (!keep.has(entry)) await rm(segmentDir(indexDir, entry), { recursive: true, force: true }).catch(() => undefined);
  }
}
