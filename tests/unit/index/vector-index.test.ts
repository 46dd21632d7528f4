import { describe, expect, it } from "vitest";
import { VectorIndex } from "../../../src/index/vector-index.js";
import { SeededRandom } from "../../../scripts/bench/seeded-random.js";

const DIMS = 16;
// A graph this poor misses neighbours, and which ones depends on the order its vectors were added in.
const POOR_GRAPH = { m: 2, efConstruction: 4, efSearch: 2 };

function unitVectors(count: number, seed: number): Float32Array[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => {
    const v = Float32Array.from({ length: DIMS }, () => random.gaussian());
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, x, i) => s + x * b[i]!, 0);

/** The k nearest by a plain sort: what an exact search must return. */
function nearest(vectors: Float32Array[], query: Float32Array, k: number, allowed: (i: number) => boolean = () => true): number[] {
  return vectors
    .map((v, label) => ({ label, similarity: dot(query, v) }))
    .filter((h) => allowed(h.label))
    .sort((a, b) => b.similarity - a.similarity || a.label - b.label)
    .slice(0, k)
    .map((h) => h.label);
}

describe("VectorIndex", () => {
  const vectors = unitVectors(600, 7);
  const queries = unitVectors(40, 8);

  it("finds a small index's nearest vectors exactly, whatever order its graph was built in", () => {
    // The same vectors added in reverse: label i of `reversed` is vector count-1-i.
    const forward = VectorIndex.build(DIMS, vectors, POOR_GRAPH);
    const reversed = VectorIndex.build(DIMS, [...vectors].reverse(), POOR_GRAPH);
    for (const q of queries) {
      const truth = nearest(vectors, q, 10);
      expect(forward.search(q, 10).map((h) => h.label)).toEqual(truth);
      expect(reversed.search(q, 10).map((h) => vectors.length - 1 - h.label)).toEqual(truth);
    }
  });

  it("the poor graph alone misses neighbours (what the exact search above guards against)", () => {
    const graphOnly = VectorIndex.build(DIMS, vectors, POOR_GRAPH, 0);
    const misses = queries.filter((q) => JSON.stringify(graphOnly.search(q, 10).map((h) => h.label)) !== JSON.stringify(nearest(vectors, q, 10)));
    expect(misses.length).toBeGreaterThan(0);
  });

  it("returns k allowed vectors under a filter, and never a hidden one", () => {
    const index = VectorIndex.build(DIMS, vectors, POOR_GRAPH);
    // Filtered out: most of the low labels, which an early-stopping scan meets first.
    const allowed = (label: number) => label >= 500 || label % 7 === 0;
    const hidden = [500, 501, 502];
    for (const label of hidden) index.hide(label);
    for (const q of queries) {
      expect(index.search(q, 25, allowed).map((h) => h.label)).toEqual(nearest(vectors, q, 25, (i) => allowed(i) && !hidden.includes(i)));
    }
  });

  it("searches a large graph the same after a search for many neighbours as before it", () => {
    // Searched through its graph (exact search off): a search for 300 must not leave efSearch raised for later ones.
    const index = VectorIndex.build(DIMS, vectors, POOR_GRAPH, 0);
    const before = queries.map((q) => index.search(q, 5).map((h) => h.label));
    index.search(queries[0]!, 300);
    expect(queries.map((q) => index.search(q, 5).map((h) => h.label))).toEqual(before);
  });

  it("scans exactly as a full sort orders: the same hits, similarities and tie order, under a filter, with k beyond the count", () => {
    // Components of -1, 0 or 1: inner products are small integers, so hundreds of vectors tie with each other.
    const random = new SeededRandom(11);
    const ternary = (count: number) => Array.from({ length: count }, () => Float32Array.from({ length: DIMS }, () => Math.floor(random.next() * 3) - 1));
    const tied = ternary(2_000);
    const probes = [...ternary(20), ...unitVectors(20, 12)];
    const index = VectorIndex.build(DIMS, tied, POOR_GRAPH);
    index.hide(3);
    const visible = (label: number) => label !== 3;
    const odd = (label: number) => label % 2 === 1;
    const fullSort = (q: Float32Array, allowed: (label: number) => boolean) =>
      tied
        .map((v, label) => ({ label, similarity: dot(q, v) }))
        .filter((h) => allowed(h.label) && visible(h.label))
        .sort((a, b) => b.similarity - a.similarity || a.label - b.label);
    let tiesInResults = 0;
    for (const q of probes) {
      for (const k of [1, 32, 200]) {
        const hits = index.search(q, k);
        expect(hits).toEqual(fullSort(q, () => true).slice(0, k));
        tiesInResults += hits.filter((h, i) => i > 0 && h.similarity === hits[i - 1]!.similarity).length;
        expect(index.search(q, k, odd)).toEqual(fullSort(q, odd).slice(0, k));
      }
      expect(index.search(q, 5_000, odd)).toEqual(fullSort(q, odd));
    }
    // The comparison above decides tie order only if the results hold ties.
    expect(tiesInResults).toBeGreaterThan(100);
  });

  it("gives the similarity as the inner product", () => {
    const index = VectorIndex.build(DIMS, vectors);
    const [best] = index.search(queries[0]!, 1);
    expect(best!.similarity).toBeCloseTo(dot(queries[0]!, vectors[best!.label]!), 6);
  });
});
