import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import { DossierError } from "../errors.js";
import { manifestSchema, reportBodySchema, reportListSchema } from "./index-schema.js";
import { LOCK } from "./ingest-lock.js";
import { LexicalIndex } from "./lexical-index.js";
import { INDEX_FORMAT_VERSION, type ChunkRecord, type Manifest, type ReportRecord, type SentenceRecord } from "./records.js";
import { VectorIndex } from "./vector-index.js";

/**
 * On disk an index is a folder of generations plus a CURRENT file naming the live one. A new generation is written
 * beside the live one and CURRENT is replaced by an atomic rename, so a crash at any moment leaves a whole index.
 * The manifest holds the sha256 of every other file of its generation, checked on every load.
 *
 *   <indexDir>/CURRENT                    name of the live generation
 *   <indexDir>/gen-<time>-<rand>/manifest.json, chunks.hnsw, lexical.json, reports/<key>.json, reports/<key>.vec
 */

/** A report with everything the index keeps of it; vectors are L2-normalised. */
export interface StoredReport {
  id: string;
  text: string;
  sentences: SentenceRecord[];
  chunks: ChunkRecord[];
  sentenceVectors: Float32Array[];
  chunkVectors: Float32Array[];
}

export interface IndexGeneration {
  dir: string;
  manifest: Manifest;
  reports: Map<string, StoredReport>;
  vectors: VectorIndex;
  lexical: LexicalIndex;
}

/** A manifest before its generation is written: the checksums are computed from what is written. */
export type ManifestDraft = Omit<Manifest, "checksums">;

const CURRENT = "CURRENT";
const MISSING_HINT = "run `npm run ingest` to build it";

export async function currentGenerationDir(indexDir: string): Promise<string | undefined> {
  try {
    const name = (await readFile(path.join(indexDir, CURRENT), "utf8")).trim();
    return name === "" ? undefined : path.join(indexDir, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * The live generation's folder and manifest, read once so a swap in between cannot mix two generations. This is the
 * one shape check of an index: staleness, ingest and loading all read the manifest through it.
 */
export async function readManifest(indexDir: string): Promise<{ dir: string; manifest: Manifest } | undefined> {
  const dir = await currentGenerationDir(indexDir).catch((error: unknown) => {
    throw corrupt(indexDir, error);
  });
  if (!dir) return undefined;
  try {
    const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")));
    if (manifest.formatVersion !== INDEX_FORMAT_VERSION) throw new Error(`format version ${manifest.formatVersion}`);
    return { dir, manifest };
  } catch (error) {
    throw corrupt(indexDir, error);
  }
}

/** Loads the live generation; INDEX_MISSING when there is none, INDEX_CORRUPT when any part is unreadable or altered. */
export async function readGeneration(indexDir: string): Promise<IndexGeneration> {
  const live = await readManifest(indexDir);
  if (!live) throw new DossierError("INDEX_MISSING", `No index at ${indexDir}: ${MISSING_HINT}.`);
  const { dir, manifest } = live;
  try {
    const reports = new Map<string, StoredReport>();
    for (const record of manifest.reports) reports.set(record.id, await readStoredReport(dir, manifest, record));
    const hnsw = path.join(dir, "chunks.hnsw");
    await verify(dir, manifest, "chunks.hnsw", await readFile(hnsw));
    const vectors = await VectorIndex.read(hnsw, manifest.embedder.dimensions);
    const lexicalJson = await readFile(path.join(dir, "lexical.json"));
    await verify(dir, manifest, "lexical.json", lexicalJson);
    const lexical = LexicalIndex.fromJSON(lexicalJson.toString("utf8"));
    const chunkCount = manifest.reports.reduce((n, r) => n + r.chunkCount, 0);
    if (vectors.size !== chunkCount) throw new Error(`vector index holds ${vectors.size} chunks, manifest ${chunkCount}`);
    return { dir, manifest, reports, vectors, lexical };
  } catch (error) {
    throw corrupt(indexDir, error);
  }
}

/** What an ingest can reuse of the live generation: the reports whose files are intact, and which ones are not. */
export interface PreviousIndex {
  /** The live manifest; undefined when only its list of reports could be read (damaged, or an older format). */
  manifest?: Manifest;
  records: ReportRecord[];
  reports: Map<string, StoredReport>;
  damaged: ReportRecord[];
}

/**
 * Reads the live generation report by report, so one damaged report costs re-reading that report from its source and
 * not losing the others. Undefined when there is no index; INDEX_CORRUPT when not even its list of reports is readable.
 */
export async function readPreviousIndex(indexDir: string): Promise<PreviousIndex | undefined> {
  let live: { dir: string; manifest: Manifest } | undefined;
  try {
    live = await readManifest(indexDir);
  } catch (error) {
    const dir = await currentGenerationDir(indexDir).catch(() => undefined);
    const list = dir && (await readReportList(dir));
    if (!list) throw error;
    return { records: list, reports: new Map(), damaged: list };
  }
  if (!live) return undefined;
  const reports = new Map<string, StoredReport>();
  const damaged: ReportRecord[] = [];
  for (const record of live.manifest.reports) {
    const stored = await readStoredReport(live.dir, live.manifest, record).catch(() => undefined);
    if (stored) reports.set(record.id, stored);
    else damaged.push(record);
  }
  return { manifest: live.manifest, records: live.manifest.reports, reports, damaged };
}

async function readReportList(dir: string): Promise<ReportRecord[] | undefined> {
  try {
    return reportListSchema.parse(JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8"))).reports;
  } catch {
    return undefined;
  }
}

async function readStoredReport(dir: string, manifest: Manifest, record: ReportRecord): Promise<StoredReport> {
  const dims = manifest.embedder.dimensions;
  const file = reportFile(record.id);
  const json = await readFile(path.join(dir, `${file}.json`));
  await verify(dir, manifest, `${file}.json`, json);
  const body = reportBodySchema.parse(JSON.parse(json.toString("utf8")));
  const raw = await readFile(path.join(dir, `${file}.vec`));
  await verify(dir, manifest, `${file}.vec`, raw);
  const all = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
  const expected = (body.sentences.length + body.chunks.length) * dims;
  if (all.length !== expected) throw new Error(`${record.id}.vec holds ${all.length} floats, expected ${expected}`);
  const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => all.subarray((from + i) * dims, (from + i + 1) * dims));
  return {
    id: record.id,
    text: body.text,
    sentences: body.sentences,
    chunks: body.chunks,
    sentenceVectors: rows(0, body.sentences.length),
    chunkVectors: rows(body.sentences.length, body.chunks.length),
  };
}

async function verify(dir: string, manifest: Manifest, file: string, bytes: Uint8Array): Promise<void> {
  const expected = manifest.checksums[file];
  if (expected === undefined) throw new Error(`${file} has no checksum in ${path.basename(dir)}/manifest.json`);
  if (sha256(bytes) !== expected) throw new Error(`${file} does not match its checksum`);
}

function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

// Below the 255-byte limit most file systems put on one name, with room for the extension and a temp suffix.
const MAX_FILE_KEY_BYTES = 100;

/** A report's files under reports/: its id, or for a very long id a prefix of it plus a hash of the whole. */
export function reportFile(id: string): string {
  if (Buffer.byteLength(id) <= MAX_FILE_KEY_BYTES) return `reports/${id}`;
  return `reports/${Buffer.from(id).subarray(0, 48).toString("utf8").replace(/\uFFFD+$/, "")}-${sha256(id).slice(0, 32)}`;
}

function corrupt(indexDir: string, error: unknown): DossierError {
  const why = error instanceof Error ? error.message : String(error);
  return new DossierError("INDEX_CORRUPT", `The index at ${indexDir} is unreadable (${why}): run \`npm run ingest -- --rebuild\` to rebuild it.`, {
    cause: error,
    detail: why,
  });
}

/** Chunks in label order: reports in manifest order, chunks in report order. Vector and BM25 labels follow it. */
export function chunksInLabelOrder(manifest: Pick<Manifest, "reports">, reports: Map<string, StoredReport>): Array<{ report: StoredReport; chunk: ChunkRecord; vector: Float32Array }> {
  return manifest.reports.flatMap((r) => {
    const stored = reports.get(r.id)!;
    return stored.chunks.map((chunk, i) => ({ report: stored, chunk, vector: stored.chunkVectors[i]! }));
  });
}

export interface WriteHooks {
  /** Runs after everything is on disk and before CURRENT changes: a failure there must leave the previous generation live. */
  beforeSwap?: () => void | Promise<void>;
}

/** Writes a complete new generation and makes it live. */
export async function writeGeneration(indexDir: string, draft: ManifestDraft, reports: Map<string, StoredReport>, hooks: WriteHooks = {}): Promise<void> {
  await mkdir(indexDir, { recursive: true });
  const name = `gen-${Date.now()}-${randomBytes(3).toString("hex")}`;
  const dir = path.join(indexDir, name);
  await mkdir(path.join(dir, "reports"), { recursive: true });
  try {
    const checksums: Record<string, string> = {};
    const write = async (file: string, data: string | Buffer) => {
      await writeFileAtomic(path.join(dir, file), data);
      checksums[file] = sha256(data);
    };
    const ordered = chunksInLabelOrder(draft, reports);
    const vectors = VectorIndex.build(draft.embedder.dimensions, ordered.map((c) => c.vector));
    await vectors.write(path.join(dir, "chunks.hnsw"));
    await syncFile(path.join(dir, "chunks.hnsw"));
    checksums["chunks.hnsw"] = sha256(await readFile(path.join(dir, "chunks.hnsw")));
    await write("lexical.json", LexicalIndex.build(ordered.map((c) => c.chunk.text)).toJSON());
    for (const record of draft.reports) {
      const stored = reports.get(record.id)!;
      const file = reportFile(record.id);
      await write(`${file}.json`, JSON.stringify({ text: stored.text, sentences: stored.sentences, chunks: stored.chunks }));
      await write(`${file}.vec`, packVectors([...stored.sentenceVectors, ...stored.chunkVectors], draft.embedder.dimensions));
    }
    const manifest: Manifest = { ...draft, checksums };
    await writeFileAtomic(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
    await syncFile(path.join(dir, "reports"));
    await syncFile(dir);
    await hooks.beforeSwap?.();
    // write-file-atomic writes a temp file, fsyncs it and renames it over CURRENT: the swap is one atomic rename.
    await writeFileAtomic(path.join(indexDir, CURRENT), name);
    await syncFile(indexDir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  await removeStaleGenerations(indexDir);
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

function packVectors(vectors: Float32Array[], dims: number): Buffer {
  const out = new Float32Array(vectors.length * dims);
  vectors.forEach((v, i) => out.set(v, i * dims));
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * Removes generations other than the live one, and temp files, left by earlier runs or crashes. Only ever called by
 * the holder of the ingest lock, so it cannot remove a generation another ingest is writing. Best effort: whatever is
 * left now is removed next time.
 */
export async function removeStaleGenerations(indexDir: string): Promise<void> {
  const live = await currentGenerationDir(indexDir).catch(() => undefined);
  for (const entry of await readdir(indexDir).catch(() => [])) {
    if (entry === CURRENT || entry.startsWith(LOCK)) continue;
    if (live && entry === path.basename(live)) continue;
    if (entry.startsWith("gen-") || entry.startsWith(`${CURRENT}.`)) {
      await rm(path.join(indexDir, entry), { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

