import hnswlib from "hnswlib-node";
import { TopK } from "../core/top-k.js";

/**
 * Graph parameters chosen from `npm run bench` (docs/benchmarks.md): efSearch 64 reached recall@10 1.0 on 100k
 * clustered vectors but 0.986 on real sentence-encoder vectors; 128 gives 1.0 there and at 100,000 chunks, but 0.988
 * at 1,000,000 chunks in four capped segments, where 160 gives 1.0 for about 0.8 ms more per question.
 */
export const HNSW_PARAMS = { m: 16, efConstruction: 200, efSearch: 160 };

/**
 * Segments of at most this many chunks are searched exhaustively (a scan of the graph's own vectors, `scan`). What
 * an HNSW search finds depends on how its graph was built: the same reports ingested at once, or in two ingests, or
 * merged into a kept graph, gave different nearest chunks for a bank question (a neighbour ranked 31st of 32 missed
 * by one graph, found by another), so an index's answers depended on its ingest history. Exact search has one
 * answer. At this size a scan costs about 3.4 ms of CPU (512 dimensions, k 32; 4 ms wall at k 10 in `npm run bench --
 * --scan-only`, docs/benchmarks.md), once per segment and retrieval, and the vectors are held twice (20 MB a segment at most).
 */
export const EXACT_SEARCH_MAX_CHUNKS = 10_000;

export interface VectorHit {
  label: number;
  similarity: number;
}

/**
 * Approximate nearest neighbours over L2-normalised vectors with hnswlib, inner product as cosine similarity.
 * Labels are the caller's dense integer ids.
 */
export class VectorIndex {
  /** A small graph's vectors, one after another, copied out at its first search to be scanned. */
  private vectors: Float32Array | undefined;
  private readonly hidden = new Set<number>();

  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    readonly dimensions: number,
    private readonly exactUpTo: number,
  ) {}

  static build(dimensions: number, vectors: ArrayLike<number>[], params = HNSW_PARAMS, exactUpTo = EXACT_SEARCH_MAX_CHUNKS): VectorIndex {
    const index = new hnswlib.HierarchicalNSW("ip", dimensions);
    index.initIndex({ maxElements: Math.max(1, vectors.length), m: params.m, efConstruction: params.efConstruction, randomSeed: 42 });
    vectors.forEach((v, label) => index.addPoint(Array.from(v), label));
    index.setEf(params.efSearch);
    return new VectorIndex(index, dimensions, exactUpTo);
  }

  /** `exactUpTo`: 0 searches the graph whatever its size (the benchmark measures the graph's recall). */
  static async read(file: string, dimensions: number, efSearch = HNSW_PARAMS.efSearch, exactUpTo = EXACT_SEARCH_MAX_CHUNKS): Promise<VectorIndex> {
    const index = new hnswlib.HierarchicalNSW("ip", dimensions);
    await index.readIndex(file);
    index.setEf(efSearch);
    return new VectorIndex(index, dimensions, exactUpTo);
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  /** The stored vector of a label (as added: hnswlib keeps inner-product vectors unchanged). */
  vector(label: number): Float32Array {
    return Float32Array.from(this.index.getPoint(label));
  }

  /** Leaves a label out of every later search, in this copy of the graph only (deleted reports of a loaded segment). */
  hide(label: number): void {
    this.index.markDelete(label);
    this.hidden.add(label);
  }

  /** Adds vectors after the existing ones, labelled on from `size`: a merge that keeps a large graph rather than rebuilding it. */
  append(vectors: ArrayLike<number>[]): void {
    const from = this.size;
    this.index.resizeIndex(from + vectors.length);
    vectors.forEach((v, i) => this.index.addPoint(Array.from(v), from + i));
    this.vectors = undefined;
  }

  async write(file: string): Promise<void> {
    await this.index.writeIndex(file);
  }

  /**
   * The `k` nearest, best first. The graph's own efSearch is never raised for a large `k` (hnswlib searches with the
   * larger of the two anyway): raised once, it stayed raised, and later searches found more than they would alone.
   */
  search(query: ArrayLike<number>, k: number, filter?: (label: number) => boolean): VectorHit[] {
    if (this.size <= this.exactUpTo) return this.scan(query, k, filter);
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    const { neighbors, distances } = this.index.searchKnn(Array.from(query), n, filter);
    return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i]! }));
  }

  /**
   * Every allowed vector scored, equal similarities in label order. Not hnswlib's BruteforceSearch: with a filter it
   * stops taking vectors once the first few it meets are filtered out, and returns fewer than `k`. Each dot product is
   * one running sum in dimension order, in doubles, so a similarity (and with it every rank and tie) is the same as a
   * plain loop's; speed comes from summing four vectors side by side, never from reordering one vector's sum.
   */
  private scan(query: ArrayLike<number>, k: number, filter?: (label: number) => boolean): VectorHit[] {
    const dims = this.dimensions;
    const v = (this.vectors ??= this.copyVectors());
    // Doubles hold any query value exactly, so products and sums are those of the query as given.
    const q = Float64Array.from(query);
    const labels = new Int32Array(this.size);
    let count = 0;
    for (let label = 0; label < this.size; label++) if (!this.hidden.has(label) && (!filter || filter(label))) labels[count++] = label;
    // Only a candidate that could enter the k best is allocated.
    const best = new TopK<VectorHit>(k, (h) => h.similarity, (h) => h.label);
    const offer = (label: number, similarity: number) => {
      if (best.admits(similarity)) best.add({ label, similarity });
    };
    let j = 0;
    for (; j + 3 < count; j += 4) {
      const a0 = labels[j]! * dims;
      const a1 = labels[j + 1]! * dims;
      const a2 = labels[j + 2]! * dims;
      const a3 = labels[j + 3]! * dims;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < dims; i++) {
        const x = q[i]!;
        s0 += x * v[a0 + i]!;
        s1 += x * v[a1 + i]!;
        s2 += x * v[a2 + i]!;
        s3 += x * v[a3 + i]!;
      }
      offer(labels[j]!, s0);
      offer(labels[j + 1]!, s1);
      offer(labels[j + 2]!, s2);
      offer(labels[j + 3]!, s3);
    }
    for (; j < count; j++) {
      const at = labels[j]! * dims;
      let s = 0;
      for (let i = 0; i < dims; i++) s += q[i]! * v[at + i]!;
      offer(labels[j]!, s);
    }
    return best.items;
  }

  private copyVectors(): Float32Array {
    const vectors = new Float32Array(this.size * this.dimensions);
    for (let label = 0; label < this.size; label++) if (!this.hidden.has(label)) vectors.set(this.index.getPoint(label), label * this.dimensions);
    return vectors;
  }
}
