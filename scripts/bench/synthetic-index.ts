import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type ManifestDraft, type StoredReport, writeGeneration } from "../../src/index/index-files.js";
import { hashReport } from "../../src/index/read-report.js";
import { INDEX_FORMAT_VERSION, type ReportRecord } from "../../src/index/records.js";
import { chunkSentences } from "../../src/text/chunk-sentences.js";
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
}

export interface SyntheticIndex {
  reports: number;
  sentences: number;
  chunks: number;
  /** Queries drawn from the same clusters as the indexed vectors. */
  space: ClusteredVectorSpace;
  /** Chunk vectors in label order (the order of the manifest's reports), for the exact baseline. */
  chunkVectors: Float32Array[];
  generateMs: number;
  /** writeGeneration: HNSW build, postings and column files, as one segment. */
  writeMs: number;
}

/**
 * An index in the product's on-disk format, written by the product's own writeGeneration as one segment, holding
 * exactly `chunks` chunks: generated sentences with clustered vectors, each report also written as its source file. Report-sized reports (12–30 sentences), so the
 * counts of files, sentences and sentence vectors per chunk match what ingesting real reports would give.
 */
export async function writeSyntheticIndex(spec: SyntheticIndexSpec): Promise<SyntheticIndex> {
  const t0 = performance.now();
  const random = new SeededRandom(spec.seed);
  const space = new ClusteredVectorSpace(spec.embedder.dimensions, spec.seed + 1);
  const added = new Map<string, StoredReport>();
  await mkdir(spec.sourcesDir, { recursive: true });
  const records: ReportRecord[] = [];
  const step = spec.chunking.sentences - spec.chunking.overlap;
  const chunkVectors: Float32Array[] = [];
  let sentences = 0;
  while (chunkVectors.length < spec.chunks) {
    const left = spec.chunks - chunkVectors.length;
    // Trim the last report so the index holds exactly the requested number of chunks.
    const count = Math.min(random.int(12, 30), spec.chunking.overlap + left * step);
    const id = `synthetic-${String(records.length).padStart(6, "0")}`;
    const report = buildReport(id, count, random, space, spec.chunking);
    added.set(id, report);
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
    chunkVectors.push(...report.chunkVectors);
    sentences += report.sentences.length;
  }
  const generateMs = performance.now() - t0;
  const manifest: ManifestDraft = {
    formatVersion: INDEX_FORMAT_VERSION,
    embedder: spec.embedder,
    chunking: spec.chunking,
    reports: records,
    refused: [],
    updatedAt: new Date(0).toISOString(),
  };
  const t1 = performance.now();
  await writeGeneration(spec.indexDir, manifest, added);
  return { reports: records.length, sentences, chunks: chunkVectors.length, space, chunkVectors, generateMs, writeMs: performance.now() - t1 };
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
