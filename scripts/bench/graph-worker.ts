import { VectorIndex } from "../../src/index/vector-index.js";

/** One thread of the bench's graph builders (synthetic-index.ts): one segment's HNSW graph, written to `file`. */
export default async function buildGraph({ matrix, dimensions, file }: { matrix: Float32Array; dimensions: number; file: string }): Promise<void> {
  const rows = Array.from({ length: matrix.length / dimensions }, (_, c) => matrix.subarray(c * dimensions, (c + 1) * dimensions));
  await VectorIndex.build(dimensions, rows).write(file);
}
