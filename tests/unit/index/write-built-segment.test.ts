import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { type ManifestDraft, readGeneration, type StoredReport, writeGeneration } from "../../../src/index/index-files.js";
import { INDEX_FORMAT_VERSION } from "../../../src/index/records.js";
import { segmentReport } from "../../../src/index/segment.js";
import { VectorIndex } from "../../../src/index/vector-index.js";
import { stems } from "../../../src/text/terms.js";
import { SeededRandom } from "../../../scripts/bench/seeded-random.js";

const DIMS = 8;
let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function report(id: string, texts: string[], random: SeededRandom): StoredReport {
  const vector = () => {
    const v = Float32Array.from({ length: DIMS }, () => random.gaussian());
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  };
  let offset = 0;
  const sentences = texts.map((text, index) => {
    const start = offset;
    offset += text.length + 1;
    return { id: `${id}#${index}`, reportId: id, index, text, start, end: start + text.length };
  });
  const chunks = [{ id: `${id}@0`, reportId: id, firstSentence: 0, lastSentence: texts.length - 1, text: texts.join(" ") }];
  return { id, text: texts.join(" "), sentences, chunks, sentenceVectors: texts.map(vector), chunkVectors: chunks.map(vector) };
}

/** A manifest draft of one-chunk reports. */
function draftOf(reports: StoredReport[]): ManifestDraft {
  return {
    formatVersion: INDEX_FORMAT_VERSION,
    embedder: { name: "test", dimensions: DIMS },
    chunking: { sentences: 3, overlap: 1 },
    reports: reports.map((r) => ({ id: r.id, title: r.id, source: `${r.id}.txt`, hash: r.id, sentenceCount: r.sentences.length, chunkCount: 1, ingestedAt: new Date(0).toISOString() })),
    refused: [],
    updatedAt: new Date(0).toISOString(),
  };
}

it("writes reports handed over in segment form with their graph exactly as it writes the same reports embedded", async () => {
  root = mkdtempSync(path.join(tmpdir(), "dossier-built-segment-"));
  const random = new SeededRandom(3);
  const reports = [
    report("harbour", ["Mediators from Norway opened the harbour talks.", "The talks resume on Monday."], random),
    report("budget", ["The city budget grew by four percent.", "Schools received most of it.", "Roads got the rest."], random),
  ];
  const draft = draftOf(reports);
  await writeGeneration(path.join(root, "embedded"), draft, new Map(reports.map((r) => [r.id, r])));
  const graph = VectorIndex.build(DIMS, reports.flatMap((r) => r.chunkVectors));
  await writeGeneration(path.join(root, "built"), draft, [{ reports: reports.map((r) => ({ ...segmentReport(r, stems), chunkVectors: [] })), graph }]);
  const sums = async (dir: string) => {
    const { manifest } = await readGeneration(path.join(root, dir));
    return Object.entries(manifest.checksums).map(([file, sum]) => [path.basename(file), sum]).sort();
  };
  expect(await sums("built")).toEqual(await sums("embedded"));
  expect((await sums("built")).map(([file]) => file)).toEqual(["chunks.hnsw", "columns.bin", "segment.json"]);
});

it("cuts an ingest larger than the segment cap into several segments, and refuses a built segment over it", async () => {
  root = mkdtempSync(path.join(tmpdir(), "dossier-built-segment-"));
  const random = new SeededRandom(5);
  const reports = ["a", "b", "c", "d", "e"].map((id) => report(id, [`Report ${id} says one thing.`, `Report ${id} says another.`], random));
  const draft = draftOf(reports);
  await writeGeneration(path.join(root, "index"), draft, new Map(reports.map((r) => [r.id, r])), { maxSegmentChunks: 2 });
  const generation = await readGeneration(path.join(root, "index"));
  expect(generation.manifest.segments.map((s) => s.reports)).toEqual([["a", "b"], ["c", "d"], ["e"]]);
  expect(generation.segments.map(({ segment }) => segment.graph.size)).toEqual([2, 2, 1]);
  const graph = VectorIndex.build(DIMS, reports.flatMap((r) => r.chunkVectors));
  const built = [{ reports: reports.map((r) => ({ ...segmentReport(r, stems), chunkVectors: [] })), graph }];
  await expect(writeGeneration(path.join(root, "built"), draft, built, { maxSegmentChunks: 2 })).rejects.toThrow(/more than the 2 chunks/);
});
