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

  it("gives the similarity as the inner product", () => {
    const index = VectorIndex.build(DIMS, vectors);
    const [best] = index.search(queries[0]!, 1);
    expect(best!.similarity).toBeCloseTo(dot(queries[0]!, vectors[best!.label]!), 6);
  });
});
