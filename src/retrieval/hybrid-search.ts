import type { SearchIndex } from "./search-index.js";

export interface ChunkHit {
  label: number;
  /** Reciprocal-rank-fusion score of the vector and BM25 rankings. */
  fused: number;
  similarity?: number;
  bm25?: number;
}

// The constant from the original RRF paper: damps the difference between the very top ranks.
const RRF_K = 60;

/**
 * Chunks ranked by reciprocal rank fusion of hnswlib vector search and BM25, optionally within some reports.
 * Each list is over-fetched (4k) so fusion can promote a chunk that only one of them ranks highly.
 */
export function hybridSearch(index: SearchIndex, question: string, queryVector: ArrayLike<number>, k: number, reportIds?: string[]): ChunkHit[] {
  const depth = Math.max(4 * k, 20);
  const hits = new Map<number, ChunkHit>();
  const hit = (label: number) => {
    let h = hits.get(label);
    if (!h) hits.set(label, (h = { label, fused: 0 }));
    return h;
  };
  index.searchVectors(queryVector, depth, reportIds).forEach((v, rank) => {
    const h = hit(v.label);
    h.similarity = v.similarity;
    h.fused += 1 / (RRF_K + rank + 1);
  });
  index.searchLexical(question, depth, reportIds, (stem) => index.isCommon(stem)).forEach((l, rank) => {
    const h = hit(l.label);
    h.bm25 = l.score;
    h.fused += 1 / (RRF_K + rank + 1);
  });
  // Equal fused scores in report and chunk order, so how reports are split into segments never changes the result.
  return [...hits.values()].sort((a, b) => b.fused - a.fused || index.chunkOrder(a.label) - index.chunkOrder(b.label)).slice(0, k);
}
