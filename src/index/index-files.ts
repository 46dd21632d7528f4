import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { DossierError } from "../errors.js";
import { z } from "zod";
import { manifestSchema, reportBodySchema } from "./index-schema.js";
import { LexicalIndex } from "./lexical-index.js";
import { INDEX_FORMAT_VERSION, type ChunkRecord, type Manifest, type SentenceRecord } from "./records.js";
import { VectorIndex } from "./vector-index.js";

/**
 * On disk an index is a folder of generations plus a CURRENT file naming the live one. A new generation is written
 * beside the live one and CURRENT is replaced by an atomic rename, so a crash at any moment leaves a whole index.
 *
 *   <indexDir>/CURRENT                    name of the live generation
 *   <indexDir>/gen-<time>-<rand>/manifest.json, chunks.hnsw, lexical.json, reports/<id>.json, reports/<id>.vec
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

/** The live generation's folder and manifest, read once so a swap in between cannot mix two generations. */
export async function readManifest(indexDir: string): Promise<{ dir: string; manifest: Manifest } | undefined> {
  const dir = await currentGenerationDir(indexDir);
  if (!dir) return undefined;
  try {
    const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")));
    if (manifest.formatVersion !== INDEX_FORMAT_VERSION) throw new Error(`format version ${manifest.formatVersion}`);
    return { dir, manifest };
  } catch (error) {
    throw corrupt(indexDir, error);
  }
}

/** Loads the live generation; INDEX_MISSING when there is none, INDEX_CORRUPT when any part is unreadable. */
export async function readGeneration(indexDir: string): Promise<IndexGeneration> {
  const live = await readManifest(indexDir);
  if (!live) throw new DossierError("INDEX_MISSING", `No index at ${indexDir}: ${MISSING_HINT}.`);
  const { dir, manifest } = live;
  try {
    const dims = manifest.embedder.dimensions;
    const reports = new Map<string, StoredReport>();
    for (const record of manifest.reports) {
      const file = path.join(dir, "reports", record.id);
      const body = reportBodySchema.parse(JSON.parse(await readFile(`${file}.json`, "utf8")));
      const raw = await readFile(`${file}.vec`);
      const all = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
      const expected = (body.sentences.length + body.chunks.length) * dims;
      if (all.length !== expected) throw new Error(`${record.id}.vec holds ${all.length} floats, expected ${expected}`);
      const rows = (from: number, count: number) =>
        Array.from({ length: count }, (_, i) => all.subarray((from + i) * dims, (from + i + 1) * dims));
      reports.set(record.id, {
        id: record.id,
        text: body.text,
        sentences: body.sentences,
        chunks: body.chunks,
        sentenceVectors: rows(0, body.sentences.length),
        chunkVectors: rows(body.sentences.length, body.chunks.length),
      });
    }
    const vectors = await VectorIndex.read(path.join(dir, "chunks.hnsw"), dims);
    const lexical = LexicalIndex.fromJSON(await readFile(path.join(dir, "lexical.json"), "utf8"));
    const chunkCount = manifest.reports.reduce((n, r) => n + r.chunkCount, 0);
    if (vectors.size !== chunkCount) throw new Error(`vector index holds ${vectors.size} chunks, manifest ${chunkCount}`);
    return { dir, manifest, reports, vectors, lexical };
  } catch (error) {
    throw corrupt(indexDir, error);
  }
}

function corrupt(indexDir: string, error: unknown): DossierError {
  const why = error instanceof Error ? error.message : String(error);
  return new DossierError(
    "INDEX_CORRUPT",
    `The index at ${indexDir} is unreadable (${why}): run \`npm run ingest -- --rebuild\` to rebuild it.`,
    { cause: error },
  );
}

/** Chunks in label order: reports in manifest order, chunks in report order. Vector and BM25 labels follow it. */
export function chunksInLabelOrder(manifest: Manifest, reports: Map<string, StoredReport>): Array<{ report: StoredReport; chunk: ChunkRecord; vector: Float32Array }> {
  return manifest.reports.flatMap((r) => {
    const stored = reports.get(r.id)!;
    return stored.chunks.map((chunk, i) => ({ report: stored, chunk, vector: stored.chunkVectors[i]! }));
  });
}

/**
 * Writes a complete new generation and makes it live. `beforeSwap` runs after everything is on disk and before
 * CURRENT changes, so a failure injected there must leave the previous generation live.
 */
export async function writeGeneration(
  indexDir: string,
  manifest: Manifest,
  reports: Map<string, StoredReport>,
  beforeSwap?: () => void | Promise<void>,
): Promise<void> {
  await mkdir(indexDir, { recursive: true });
  const name = `gen-${Date.now()}-${randomBytes(3).toString("hex")}`;
  const dir = path.join(indexDir, name);
  await mkdir(path.join(dir, "reports"), { recursive: true });
  try {
    const ordered = chunksInLabelOrder(manifest, reports);
    const vectors = VectorIndex.build(manifest.embedder.dimensions, ordered.map((c) => c.vector));
    await vectors.write(path.join(dir, "chunks.hnsw"));
    await syncFile(path.join(dir, "chunks.hnsw"));
    const lexical = LexicalIndex.build(ordered.map((c) => c.chunk.text));
    await writeDurable(path.join(dir, "lexical.json"), lexical.toJSON());
    for (const record of manifest.reports) {
      const stored = reports.get(record.id)!;
      const file = path.join(dir, "reports", record.id);
      await writeDurable(`${file}.json`, JSON.stringify({ text: stored.text, sentences: stored.sentences, chunks: stored.chunks }));
      await writeDurable(`${file}.vec`, packVectors([...stored.sentenceVectors, ...stored.chunkVectors], manifest.embedder.dimensions));
    }
    await writeDurable(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
    await syncFile(path.join(dir, "reports"));
    await syncFile(dir);
    await beforeSwap?.();
    const pointer = path.join(indexDir, `${CURRENT}.${name}.tmp`);
    await writeDurable(pointer, name);
    await rename(pointer, path.join(indexDir, CURRENT));
    await syncFile(indexDir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  await removeStaleGenerations(indexDir, name);
}

/** Written and flushed to disk, so a power cut after the swap cannot leave CURRENT naming half-written files. */
async function writeDurable(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(file, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

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
 * Removes generations and pointer temp files other than the live one (left by earlier runs or crashes). Best effort:
 * the new index is already live, and whatever is left now is removed by the next ingest.
 */
async function removeStaleGenerations(indexDir: string, live: string): Promise<void> {
  for (const entry of await readdir(indexDir).catch(() => [])) {
    if (entry === live || entry === CURRENT || entry === LOCK) continue;
    if (entry.startsWith("gen-") || entry.startsWith(`${CURRENT}.`)) {
      await rm(path.join(indexDir, entry), { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

const LOCK = "ingest.lock";

/** One ingest at a time per index folder, across processes; a lock left by a dead process is taken over. */
export async function withIngestLock<T>(indexDir: string, work: () => Promise<T>): Promise<T> {
  await mkdir(indexDir, { recursive: true });
  const lock = path.join(indexDir, LOCK);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lock, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) {
        throw new DossierError("BUSY", `Another ingest is running on ${indexDir}; try again when it ends.`, { cause: error });
      }
      const holder = Number((await readFile(lock, "utf8").catch(() => "")).trim());
      if (holder && isAlive(holder)) {
        throw new DossierError("BUSY", `Another ingest (pid ${holder}) is running on ${indexDir}; try again when it ends.`);
      }
      await rm(lock, { force: true });
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
