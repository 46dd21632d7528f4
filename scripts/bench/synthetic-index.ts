import { createRequire } from "node:module";
import os, { availableParallelism } from "node:os";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import { type BuiltSegment, type ManifestDraft, type StoredReport, writeGeneration } from "../../src/index/index-files.js";
import { MAX_SEGMENT_CHUNKS } from "../../src/index/merge-policy.js";
import { hashReport } from "../../src/index/read-report.js";
import { INDEX_FORMAT_VERSION, type ReportRecord } from "../../src/index/records.js";
import { TEXT_ANALYSIS_VERSION } from "../../src/text/analysis-version.js";
import { type SegmentReport, segmentReport } from "../../src/index/segment.js";
import { VectorIndex } from "../../src/index/vector-index.js";
import { chunkSentences } from "../../src/text/chunk-sentences.js";
import { stems } from "../../src/text/terms.js";
import { ClusteredVectorSpace } from "./clustered-vectors.js";
import { generateSentence } from "./corpus-generator.js";
import { SeededRandom } from "./seeded-random.js";

export interface SyntheticIndexSpec {
  indexDir: string;
  chunks: number;
  seed: number;
  embedder: { name: string; dimensions: number };
  chunking: { sentences: number; overlap: number };
  /** Where each report's text is written as its source file, so ingest can update and remove reports of this index. */
  sourcesDir: string;
  /** Chunks per segment: the merge policy's cap unless a test wants several segments of a small index. */
  segmentChunks?: number;
}

export interface SyntheticIndex {
  reports: number;
  sentences: number;
  chunks: number;
  /** Queries drawn from the same clusters as the indexed vectors. */
  space: ClusteredVectorSpace;
  /** Chunk vectors in label order (the order of the manifest's reports), row-major: the exact baseline's matrix. */
  chunkMatrix: Float32Array;
  generateMs: number;
  /** Segment form of each report (stems, int8 sentence vectors), HNSW builds, writeGeneration (postings, columns) of every segment. */
  writeMs: number;
}

/**
 * An index in the product's on-disk format, written by the product's own writeGeneration, holding exactly `chunks`
 * chunks in segments of the merge policy's cap (the last one the rest), as an archive that large is held: generated
 * sentences with clustered vectors, each report also written as its source file.
 * Report-sized reports (12–30 sentences), so the counts of files, sentences and sentence vectors per chunk match what
 * ingesting real reports would give.
 *
 * Built for a million chunks in bounded memory: each report is turned into its segment form (int8 sentence vectors,
 * stems) as soon as it is generated and its source file written, so no report's sentence and chunk texts or float32
 * sentence vectors outlive it (at a million chunks those alone were about 6 GB and more than V8's default heap). Chunk
 * vectors go into one contiguous shared matrix that the exact baseline reads and the segments' graphs are built from,
 * one per thread on every core (a single thread took 50 minutes for a million chunks under load).
 */
export async function writeSyntheticIndex(spec: SyntheticIndexSpec): Promise<SyntheticIndex> {
  const t0 = performance.now();
  const dims = spec.embedder.dimensions;
  const random = new SeededRandom(spec.seed);
  const space = new ClusteredVectorSpace(dims, spec.seed + 1);
  await mkdir(spec.sourcesDir, { recursive: true });
  const records: ReportRecord[] = [];
  const reports: SegmentReport[] = [];
  const step = spec.chunking.sentences - spec.chunking.overlap;
  const chunkMatrix = new Float32Array(new SharedArrayBuffer(spec.chunks * dims * Float32Array.BYTES_PER_ELEMENT));
  const segmentChunks = spec.segmentChunks ?? MAX_SEGMENT_CHUNKS;
  // Report indices where each segment starts.
  const segmentStarts: number[] = [];
  // The stemmer returns a new string per word; a few hundred distinct stems stand for tens of millions of them.
  const interned = new Map<string, string>();
  const intern = (s: string) => interned.get(s) ?? (interned.set(s, s), s);
  const stemsOf = (text: string) => stems(text).map(intern);
  let chunks = 0;
  let sentences = 0;
  let segmentFormMs = 0;
  while (chunks < spec.chunks) {
    if (chunks % segmentChunks === 0 && segmentStarts.at(-1) !== records.length) segmentStarts.push(records.length);
    // Trim the last report of a segment so it holds exactly its share of chunks.
    const segmentEnd = Math.min(spec.chunks, (Math.floor(chunks / segmentChunks) + 1) * segmentChunks);
    const count = Math.min(random.int(12, 30), spec.chunking.overlap + (segmentEnd - chunks) * step);
    const id = `synthetic-${String(records.length).padStart(6, "0")}`;
    const report = buildReport(id, count, random, space, spec.chunking);
    const source = path.join(spec.sourcesDir, `${id}.txt`);
    await writeFile(source, report.text);
    records.push({
      id,
      title: id,
      source,
      hash: hashReport(Buffer.from(report.text)),
      sentenceCount: report.sentences.length,
      chunkCount: report.chunks.length,
      ingestedAt: new Date(0).toISOString(),
    });
    for (const v of report.chunkVectors) chunkMatrix.set(v, dims * chunks++);
    // Timed as index building, as when writeGeneration did it; the graph is built from the matrix, so the segment form
    // keeps no chunk vectors of its own.
    const t = performance.now();
    reports.push({ ...segmentReport(report, stemsOf), chunkVectors: [] });
    segmentFormMs += performance.now() - t;
    sentences += report.sentences.length;
  }
  const generateMs = performance.now() - t0 - segmentFormMs;
  const manifest: ManifestDraft = {
    formatVersion: INDEX_FORMAT_VERSION,
    embedder: spec.embedder,
    chunking: spec.chunking,
    analysis: TEXT_ANALYSIS_VERSION,
    reports: records,
    refused: [],
    updatedAt: new Date(0).toISOString(),
  };
  const t1 = performance.now();
  const segments: BuiltSegment[] = [];
  const graphsDir = await mkdtemp(path.join(os.tmpdir(), "dossier-graphs-"));
  try {
    const bounds = segmentStarts.map((first, i) => [first, segmentStarts[i + 1] ?? reports.length] as const);
    const files = await buildGraphs(bounds.map((_, i) => chunkMatrix.subarray(i * segmentChunks * dims, Math.min(chunks, (i + 1) * segmentChunks) * dims)), dims, graphsDir);
    for (const [i, [first, end]] of bounds.entries()) segments.push({ reports: reports.slice(first, end), graph: await VectorIndex.read(files[i]!, dims) });
    await writeGeneration(spec.indexDir, manifest, segments, { maxSegmentChunks: segmentChunks });
  } finally {
    await rm(graphsDir, { recursive: true, force: true });
  }
  return { reports: records.length, sentences, chunks, space, chunkMatrix, generateMs, writeMs: segmentFormMs + performance.now() - t1 };
}

const GRAPH_WORKER = new URL("./graph-worker.ts", import.meta.url).href;
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** Each segment's graph built in a worker thread from its rows of the shared matrix, written to a file in `dir`. */
async function buildGraphs(matrices: Float32Array[], dimensions: number, dir: string): Promise<string[]> {
  const pool = new Piscina({ filename: GRAPH_WORKER, maxThreads: Math.min(matrices.length, availableParallelism()), execArgv: ["--import", TSX] });
  try {
    return await Promise.all(
      matrices.map(async (matrix, i) => {
        const file = path.join(dir, `graph-${i}.hnsw`);
        await pool.run({ matrix, dimensions, file });
        return file;
      }),
    );
  } finally {
    await pool.destroy();
  }
}

function buildReport(id: string, count: number, random: SeededRandom, space: ClusteredVectorSpace, chunking: { sentences: number; overlap: number }): StoredReport {
  const texts = Array.from({ length: count }, () => generateSentence(random));
  let offset = 0;
  const sentences = texts.map((text, index) => {
    const start = offset;
    offset += text.length + 1;
    return { id: `${id}#${index}`, reportId: id, index, text, start, end: start + text.length };
  });
  const chunks = chunkSentences(count, chunking.sentences, chunking.overlap).map((w, i) => ({
    id: `${id}@${i}`,
    reportId: id,
    firstSentence: w.first,
    lastSentence: w.last,
    text: texts.slice(w.first, w.last + 1).join(" "),
  }));
  const vectors = space.addReport(count, chunking);
  return { id, text: texts.join(" "), sentences, chunks, ...vectors };
}
