import hnswlib from "hnswlib-node";

/**
 * Graph parameters chosen from `npm run bench` (docs/benchmarks.md): efSearch 64 reached recall@10 1.0 on 100k
 * clustered vectors but 0.986 on real sentence-encoder vectors; 128 gives 1.0 there and at 100,000 chunks, but 0.988
 * at 1,000,000 chunks in four capped segments, where 160 gives 1.0 for about 0.8 ms more per question.
 */
export const HNSW_PARAMS = { m: 16, efConstruction: 200, efSearch: 160 };

export interface VectorHit {
  label: number;
  similarity: number;
}

/**
 * Approximate nearest neighbours over L2-normalised vectors with hnswlib, inner product as cosine similarity.
 * Labels are the caller's dense integer ids.
 */
export class VectorIndex {
  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    readonly dimensions: number,
  ) {}

  static build(dimensions: number, vectors: ArrayLike<number>[], params = HNSW_PARAMS): VectorIndex {
    const index = new hnswlib.HierarchicalNSW("ip", dimensions);
    index.initIndex({ maxElements: Math.max(1, vectors.length), m: params.m, efConstruction: params.efConstruction, randomSeed: 42 });
    vectors.forEach((v, label) => index.addPoint(Array.from(v), label));
    index.setEf(params.efSearch);
    return new VectorIndex(index, dimensions);
  }

  static async read(file: string, dimensions: number, efSearch = HNSW_PARAMS.efSearch): Promise<VectorIndex> {
    const index = new hnswlib.HierarchicalNSW("ip", dimensions);
    await index.readIndex(file);
    index.setEf(efSearch);
    return new VectorIndex(index, dimensions);
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
  }

  /** Adds vectors after the existing ones, labelled on from `size`: a merge that keeps a large graph rather than rebuilding it. */
  append(vectors: ArrayLike<number>[]): void {
    const from = this.size;
    this.index.resizeIndex(from + vectors.length);
    vectors.forEach((v, i) => this.index.addPoint(Array.from(v), from + i));
  }

  async write(file: string): Promise<void> {
    await this.index.writeIndex(file);
  }

  search(query: ArrayLike<number>, k: number, filter?: (label: number) => boolean): VectorHit[] {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    if (this.index.getEf() < n) this.index.setEf(n);
    const { neighbors, distances } = this.index.searchKnn(Array.from(query), n, filter);
    return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i]! }));
  }
}
