import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import { z } from "zod";
import type { StoredReport } from "./index-files.js";
import { quantize, type QuantizedVectors } from "./quantize.js";
import { VectorIndex } from "./vector-index.js";

/**
 * A segment is an immutable set of reports with everything a question needs of them, written once and never changed:
 *
 *   segment.json   the string table (report ids and texts, the segment's terms) and where each column lies
 *   columns.bin    binary columns: sentence offsets, int8 sentence vectors and their scales, each sentence's distinct
 *                  term ids, chunk windows and lengths, and BM25 postings (term → chunks, term frequencies)
 *   chunks.hnsw    hnswlib graph of the chunk vectors; labels are chunk positions in the segment
 *
 * Every part is read in one read and used in place as typed arrays, so loading does no per-sentence work.
 */

/** One report as a segment is built from it: a newly embedded report, or one decoded from a segment being merged. */
export interface SegmentReport {
  id: string;
  text: string;
  /** Character offsets of each sentence in `text`. */
  sentences: Array<{ start: number; end: number }>;
  sentenceVectors: QuantizedVectors;
  /** Each sentence's distinct stems. */
  sentenceTerms: string[][];
  /** Sentence windows, report-relative and inclusive. */
  chunks: Array<{ first: number; last: number }>;
  /** Each chunk's stems with their frequencies, and its length in stems (BM25's document length). */
  chunkTerms: Array<Map<string, number>>;
  chunkLengths: number[];
  chunkVectors: Float32Array[];
}

const COLUMNS = {
  sentenceStart: Uint32Array,
  sentenceEnd: Uint32Array,
  sentenceScale: Float32Array,
  sentenceTermOffsets: Uint32Array,
  sentenceTermIds: Uint32Array,
  chunkFirst: Uint32Array,
  chunkLast: Uint32Array,
  chunkLength: Uint32Array,
  postingOffsets: Uint32Array,
  postingChunks: Uint32Array,
  postingFreqs: Uint32Array,
  sentenceVectors: Int8Array,
} as const;
type ColumnName = keyof typeof COLUMNS;
export type SegmentColumns = { [K in ColumnName]: InstanceType<(typeof COLUMNS)[K]> };

const metaSchema = z.object({
  dimensions: z.number().int().positive(),
  reports: z.array(z.object({ id: z.string(), text: z.string(), sentences: z.number().int().nonnegative(), chunks: z.number().int().nonnegative() })),
  terms: z.array(z.string()),
  columns: z.record(z.string(), z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
});
type SegmentMeta = z.infer<typeof metaSchema>;

export const SEGMENT_FILES = ["segment.json", "columns.bin", "chunks.hnsw"] as const;

/** A segment in memory. Report `r` holds sentences `sentenceBase[r]…` and chunks `chunkBase[r]…` of the columns. */
export interface Segment {
  name: string;
  dimensions: number;
  reportIds: string[];
  texts: string[];
  terms: string[];
  termIndex: Map<string, number>;
  sentenceBase: Uint32Array;
  chunkBase: Uint32Array;
  /** The report each chunk belongs to. */
  chunkReport: Uint32Array;
  columns: SegmentColumns;
  graph: VectorIndex;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** sha256 of a file read in chunks; undefined when it cannot be read. */
export async function hashFile(file: string): Promise<string | undefined> {
  const hash = createHash("sha256");
  try {
    await pipeline(createReadStream(file), hash);
  } catch {
    return undefined;
  }
  return hash.digest("hex");
}

/**
 * Writes a segment's files into `dir` (made here) and returns their sha256 by file name. `afterColumns` runs between
 * the columns and the graph (a test seam for a kill while a segment is half written).
 */
export async function writeSegment(dir: string, dimensions: number, reports: SegmentReport[], graph?: VectorIndex, afterColumns?: () => void | Promise<void>): Promise<Record<string, string>> {
  await mkdir(dir, { recursive: true });
  const { meta, columns } = layOut(dimensions, reports);
  const { bytes, layout } = packColumns(columns);
  const json = JSON.stringify({ ...meta, columns: layout });
  await writeFileAtomic(path.join(dir, "columns.bin"), bytes);
  await writeFileAtomic(path.join(dir, "segment.json"), json);
  await afterColumns?.();
  const vectors = graph ?? VectorIndex.build(dimensions, reports.flatMap((r) => r.chunkVectors));
  await vectors.write(path.join(dir, "chunks.hnsw"));
  return { "segment.json": sha256(json), "columns.bin": sha256(bytes), "chunks.hnsw": (await hashFile(path.join(dir, "chunks.hnsw")))! };
}

/** A segment held only in memory, for stores that keep no segment files (the graph is built here). */
export function buildSegment(name: string, dimensions: number, reports: SegmentReport[]): Segment {
  const { meta, columns } = layOut(dimensions, reports);
  return assemble(name, meta, columns, VectorIndex.build(dimensions, reports.flatMap((r) => r.chunkVectors)));
}

function layOut(dimensions: number, reports: SegmentReport[]): { meta: Omit<SegmentMeta, "columns">; columns: SegmentColumns } {
  const termIndex = new Map<string, number>();
  const termId = (t: string) => {
    let id = termIndex.get(t);
    if (id === undefined) termIndex.set(t, (id = termIndex.size));
    return id;
  };
  const sentenceCount = reports.reduce((n, r) => n + r.sentences.length, 0);
  const chunkCount = reports.reduce((n, r) => n + r.chunks.length, 0);
  const sentenceStart = new Uint32Array(sentenceCount);
  const sentenceEnd = new Uint32Array(sentenceCount);
  const sentenceScale = new Float32Array(sentenceCount);
  const sentenceVectors = new Int8Array(sentenceCount * dimensions);
  const sentenceTermOffsets = new Uint32Array(sentenceCount + 1);
  const sentenceTermIds: number[] = [];
  const chunkFirst = new Uint32Array(chunkCount);
  const chunkLast = new Uint32Array(chunkCount);
  const chunkLength = new Uint32Array(chunkCount);
  const postings = new Map<number, number[]>();
  let s = 0;
  let c = 0;
  for (const r of reports) {
    const base = s;
    r.sentences.forEach((span, i) => {
      sentenceStart[s] = span.start;
      sentenceEnd[s] = span.end;
      sentenceScale[s] = r.sentenceVectors.scales[i]!;
      sentenceVectors.set(r.sentenceVectors.values.subarray(i * dimensions, (i + 1) * dimensions), s * dimensions);
      for (const t of r.sentenceTerms[i]!) sentenceTermIds.push(termId(t));
      sentenceTermOffsets[++s] = sentenceTermIds.length;
    });
    r.chunks.forEach((w, i) => {
      chunkFirst[c] = base + w.first;
      chunkLast[c] = base + w.last;
      chunkLength[c] = r.chunkLengths[i]!;
      for (const [t, freq] of r.chunkTerms[i]!) {
        const id = termId(t);
        let list = postings.get(id);
        if (!list) postings.set(id, (list = []));
        list.push(c, freq);
      }
      c++;
    });
  }
  const postingOffsets = new Uint32Array(termIndex.size + 1);
  const total = [...postings.values()].reduce((n, l) => n + l.length / 2, 0);
  const postingChunks = new Uint32Array(total);
  const postingFreqs = new Uint32Array(total);
  let p = 0;
  for (let t = 0; t < termIndex.size; t++) {
    const list = postings.get(t) ?? [];
    for (let i = 0; i < list.length; i += 2) {
      postingChunks[p] = list[i]!;
      postingFreqs[p++] = list[i + 1]!;
    }
    postingOffsets[t + 1] = p;
  }
  const columns: SegmentColumns = {
    sentenceStart,
    sentenceEnd,
    sentenceScale,
    sentenceTermOffsets,
    sentenceTermIds: Uint32Array.from(sentenceTermIds),
    chunkFirst,
    chunkLast,
    chunkLength,
    postingOffsets,
    postingChunks,
    postingFreqs,
    sentenceVectors,
  };
  const meta = {
    dimensions,
    reports: reports.map((r) => ({ id: r.id, text: r.text, sentences: r.sentences.length, chunks: r.chunks.length })),
    terms: [...termIndex.keys()],
  };
  return { meta, columns };
}

function packColumns(columns: SegmentColumns): { bytes: Buffer; layout: Record<string, [number, number]> } {
  const layout: Record<string, [number, number]> = {};
  let size = 0;
  for (const [name, array] of Object.entries(columns)) {
    layout[name] = [size, array.length];
    size += Math.ceil(array.byteLength / 8) * 8;
  }
  const bytes = Buffer.alloc(size);
  for (const [name, array] of Object.entries(columns)) bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), layout[name]![0]);
  return { bytes, layout };
}

/**
 * Reads a segment, checking each file against `checksums` (by file name) before using it; throws on any mismatch or
 * shape error, which the caller reports as a damaged index.
 */
export async function readSegment(dir: string, checksums: Record<string, string | undefined>): Promise<Segment> {
  const name = path.basename(dir);
  const read = async (file: string) => {
    const bytes = await readFile(path.join(dir, file));
    const expected = checksums[file];
    if (expected === undefined) throw new Error(`segments/${name}/${file} has no checksum`);
    if (sha256(bytes) !== expected) throw new Error(`segments/${name}/${file} does not match its checksum`);
    return bytes;
  };
  const meta = metaSchema.parse(JSON.parse((await read("segment.json")).toString("utf8")));
  const raw = await read("columns.bin");
  // Typed arrays need aligned offsets; a fresh Buffer of this size is not pooled, so this copy is rare.
  const bytes = raw.byteOffset % 8 === 0 ? raw : Buffer.from(raw);
  const columns = {} as Record<string, unknown>;
  for (const [column, Type] of Object.entries(COLUMNS)) {
    const at = meta.columns[column];
    if (!at || at[0] + at[1] * Type.BYTES_PER_ELEMENT > bytes.byteLength) throw new Error(`segments/${name}: column ${column} missing or out of bounds`);
    columns[column] = new Type(bytes.buffer, bytes.byteOffset + at[0], at[1]);
  }
  // The graph is hashed as a stream: hnswlib reads the file itself, and a second whole copy would only grow memory.
  if ((await hashFile(path.join(dir, "chunks.hnsw"))) !== checksums["chunks.hnsw"]) throw new Error(`segments/${name}/chunks.hnsw does not match its checksum`);
  const graph = await VectorIndex.read(path.join(dir, "chunks.hnsw"), meta.dimensions);
  return assemble(name, meta, columns as SegmentColumns, graph);
}

function assemble(name: string, meta: Omit<SegmentMeta, "columns">, columns: SegmentColumns, graph: VectorIndex): Segment {
  const n = meta.reports.length;
  const sentenceBase = new Uint32Array(n + 1);
  const chunkBase = new Uint32Array(n + 1);
  meta.reports.forEach((r, i) => {
    sentenceBase[i + 1] = sentenceBase[i]! + r.sentences;
    chunkBase[i + 1] = chunkBase[i]! + r.chunks;
  });
  const chunkReport = new Uint32Array(chunkBase[n]!);
  for (let r = 0; r < n; r++) chunkReport.fill(r, chunkBase[r]!, chunkBase[r + 1]!);
  const sentences = sentenceBase[n]!;
  if (columns.sentenceStart.length !== sentences || columns.sentenceVectors.length !== sentences * meta.dimensions || columns.chunkFirst.length !== chunkBase[n]) {
    throw new Error(`segments/${name}: columns do not match its reports`);
  }
  if (graph.size !== chunkBase[n]) throw new Error(`segments/${name}: the graph holds ${graph.size} chunks, the columns ${chunkBase[n]}`);
  return {
    name,
    dimensions: meta.dimensions,
    reportIds: meta.reports.map((r) => r.id),
    texts: meta.reports.map((r) => r.text),
    terms: meta.terms,
    termIndex: new Map(meta.terms.map((t, i) => [t, i])),
    sentenceBase,
    chunkBase,
    chunkReport,
    columns,
    graph,
  };
}

/** Reports `which` of a segment as they were built, for merging them into another segment. One pass over the postings. */
export function decodeReports(segment: Segment, which: number[]): SegmentReport[] {
  const { columns: col, dimensions: dims, terms } = segment;
  const chunkTerms = new Map<number, Map<string, number>>();
  for (const r of which) for (let c = segment.chunkBase[r]!; c < segment.chunkBase[r + 1]!; c++) chunkTerms.set(c, new Map());
  for (let t = 0; t < terms.length; t++) {
    for (let p = col.postingOffsets[t]!; p < col.postingOffsets[t + 1]!; p++) chunkTerms.get(col.postingChunks[p]!)?.set(terms[t]!, col.postingFreqs[p]!);
  }
  return which.map((r) => {
    const s0 = segment.sentenceBase[r]!;
    const s1 = segment.sentenceBase[r + 1]!;
    const c0 = segment.chunkBase[r]!;
    const c1 = segment.chunkBase[r + 1]!;
    const sentences: SegmentReport["sentences"] = [];
    const sentenceTerms: string[][] = [];
    for (let s = s0; s < s1; s++) {
      sentences.push({ start: col.sentenceStart[s]!, end: col.sentenceEnd[s]! });
      sentenceTerms.push(Array.from(col.sentenceTermIds.subarray(col.sentenceTermOffsets[s]!, col.sentenceTermOffsets[s + 1]!), (t) => terms[t]!));
    }
    const chunks = Array.from({ length: c1 - c0 }, (_, i) => c0 + i);
    return {
      id: segment.reportIds[r]!,
      text: segment.texts[r]!,
      sentences,
      sentenceVectors: { values: col.sentenceVectors.slice(s0 * dims, s1 * dims), scales: col.sentenceScale.slice(s0, s1) },
      sentenceTerms,
      chunks: chunks.map((c) => ({ first: col.chunkFirst[c]! - s0, last: col.chunkLast[c]! - s0 })),
      chunkTerms: chunks.map((c) => chunkTerms.get(c)!),
      chunkLengths: chunks.map((c) => col.chunkLength[c]!),
      chunkVectors: chunks.map((c) => segment.graph.vector(c)),
    };
  });
}

/** A report as ingest built it, in segment form; `stemsOf` is the lexical analyser shared with queries. */
export function segmentReport(report: StoredReport, stemsOf: (text: string) => string[]): SegmentReport {
  const chunkStems = report.chunks.map((c) => stemsOf(c.text));
  return {
    id: report.id,
    text: report.text,
    sentences: report.sentences.map((s) => ({ start: s.start, end: s.end })),
    sentenceVectors: quantize(report.sentenceVectors),
    sentenceTerms: report.sentences.map((s) => [...new Set(stemsOf(s.text))]),
    chunks: report.chunks.map((c) => ({ first: c.firstSentence, last: c.lastSentence })),
    chunkTerms: chunkStems.map((list) => {
      const freq = new Map<string, number>();
      for (const t of list) freq.set(t, (freq.get(t) ?? 0) + 1);
      return freq;
    }),
    chunkLengths: chunkStems.map((l) => l.length),
    chunkVectors: report.chunkVectors,
  };
}
