import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { readGeneration } from "../../../src/index/index-files.js";
import { hashReport } from "../../../src/index/read-report.js";
import { writeSyntheticIndex } from "../../../scripts/bench/synthetic-index.js";

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

it("builds a loadable one-segment index of exactly the requested chunks, whose graph holds the exact baseline's vectors", async () => {
  root = mkdtempSync(path.join(tmpdir(), "dossier-synthetic-"));
  const dims = 16;
  // An odd count: the last report is trimmed to land on it.
  const built = await writeSyntheticIndex({
    indexDir: path.join(root, "index"),
    sourcesDir: path.join(root, "sources"),
    chunks: 101,
    seed: 7,
    embedder: { name: "synthetic", dimensions: dims },
    chunking: { sentences: 3, overlap: 1 },
  });
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
