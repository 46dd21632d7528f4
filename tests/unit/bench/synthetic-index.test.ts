import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { readGeneration } from "../../../src/index/index-files.js";
import { hashReport } from "../../../src/index/read-report.js";
import { writeSyntheticIndex } from "../../../scripts/bench/synthetic-index.js";

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));
const dims = 16;

/** 101 chunks of 16 dimensions in a fresh folder, in segments of `segmentChunks` when given. */
function build(segmentChunks?: number) {
  root = mkdtempSync(path.join(tmpdir(), "dossier-synthetic-"));
  return writeSyntheticIndex({
    indexDir: path.join(root, "index"),
    sourcesDir: path.join(root, "sources"),
    chunks: 101,
    seed: 7,
    embedder: { name: "synthetic", dimensions: dims },
    chunking: { sentences: 3, overlap: 1 },
    segmentChunks,
  });
}

it("builds a loadable index of exactly the requested chunks, one segment below the cap, whose graph holds the exact baseline's vectors", async () => {
  // An odd count: the last report is trimmed to land on it.
  const built = await build();
  const generation = await readGeneration(path.join(root, "index"));
  expect(generation.segments).toHaveLength(1);
  const { segment } = generation.segments[0]!;
  expect([built.chunks, segment.graph.size, built.chunkMatrix.length / dims]).toEqual([101, 101, 101]);
  expect(generation.manifest.reports.reduce((n, r) => n + r.chunkCount, 0)).toBe(101);
  expect(segment.sentenceBase.at(-1)).toBe(built.sentences);
  for (let c = 0; c < built.chunks; c++) expect(segment.graph.vector(c)).toEqual(built.chunkMatrix.subarray(c * dims, (c + 1) * dims));
  // Each report's source file is its indexed text, so ingest can change and remove reports of this index.
  generation.manifest.reports.forEach((r, i) => {
    const text = readFileSync(r.source, "utf8");
    expect(text).toBe(segment.texts[i]);
    expect(hashReport(Buffer.from(text))).toBe(r.hash);
  });
  expect(segment.terms.length).toBeGreaterThan(20);
});

it("holds a larger archive in segments of the cap, built on every core, each graph holding its own rows of the matrix", async () => {
  const built = await build(40);
  const generation = await readGeneration(path.join(root, "index"));
  expect(generation.manifest.segments.map((s) => s.chunks)).toEqual([40, 40, 21]);
  expect(generation.manifest.segments.flatMap((s) => s.reports)).toEqual(generation.manifest.reports.map((r) => r.id));
  let label = 0;
  for (const { segment } of generation.segments) {
    for (let c = 0; c < segment.graph.size; c++, label++) expect(segment.graph.vector(c)).toEqual(built.chunkMatrix.subarray(label * dims, (label + 1) * dims));
  }
  expect(label).toBe(101);
});
