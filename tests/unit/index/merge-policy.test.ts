import { describe, expect, it } from "vitest";
import { MAX_SEGMENT_CHUNKS, MERGE_RATIO, planMerges, splitNewReports } from "../../../src/index/merge-policy.js";

const seg = (name: string, live: number, total = live) => ({ name, live, total });

/** Segment sizes after ingests of these many chunks each, merged as the policy says after each one. */
function ingestAll(sizes: number[], maxChunks = MAX_SEGMENT_CHUNKS) {
  const segments: Array<ReturnType<typeof seg>> = [];
  sizes.forEach((chunks, i) => {
    segments.push(seg(`s${i}`, chunks));
    for (const group of planMerges(segments, maxChunks)) {
      const merged = seg(group.join("+"), group.reduce((n, g) => n + segments.find((s) => s.name === g)!.live, 0));
      const at = segments.findIndex((s) => s.name === group[0]);
      segments.splice(at, group.length, merged);
    }
  });
  return segments;
}

describe("segment merge policy", () => {
  it("leaves a large segment alone when a small one is added after it", () => {
    expect(planMerges([seg("base", 100_000), seg("new", 10)])).toEqual([]);
  });

  it("merges the newest segments while the older is within the ratio of the newer", () => {
    expect(planMerges([seg("base", 100_000), seg("a", 40), seg("b", 10)])).toEqual([["a", "b"]]);
    expect(planMerges([seg("a", 10 * MERGE_RATIO), seg("b", 10)])).toEqual([["a", "b"]]);
    expect(planMerges([seg("a", 10 * MERGE_RATIO + 1), seg("b", 10)])).toEqual([]);
  });

  it("keeps O(log n) segments: sizes grow by more than the ratio towards the oldest", () => {
    const segments = ingestAll(Array.from({ length: 2000 }, () => 10));
    expect(segments.length).toBeLessThanOrEqual(Math.ceil(Math.log(2000) / Math.log(MERGE_RATIO)) + 2);
    for (let i = 1; i < segments.length; i++) expect(segments[i - 1]!.live).toBeGreaterThan(MERGE_RATIO * segments[i]!.live);
  });

  it("rewrites a segment more than half deleted", () => {
    expect(planMerges([seg("base", 400, 1000), seg("new", 10)])).toEqual([["base"]]);
  });

  it("never merges past the cap on a segment's chunks, however the archive grows", () => {
    expect(planMerges([seg("a", 200_000), seg("b", 50_000)])).toEqual([["a", "b"]]);
    expect(planMerges([seg("a", 200_000), seg("b", 50_001)])).toEqual([]);
    expect(planMerges([seg("a", MAX_SEGMENT_CHUNKS), seg("b", MAX_SEGMENT_CHUNKS), seg("c", 10), seg("d", 10)])).toEqual([["c", "d"]]);
    // About 4 million chunks from ingests of 1 to 20,000 chunks: every segment within the cap, and few of them.
    let state = 7;
    const sizes = Array.from({ length: 400 }, () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) % 20_000 + 1);
    const total = sizes.reduce((n, c) => n + c, 0);
    const segments = ingestAll(sizes);
    expect(segments.reduce((n, s) => n + s.live, 0)).toBe(total);
    expect(Math.max(...segments.map((s) => s.live))).toBeLessThanOrEqual(MAX_SEGMENT_CHUNKS);
    expect(segments.length).toBeLessThanOrEqual(2 * Math.ceil(total / MAX_SEGMENT_CHUNKS) + Math.ceil(Math.log(MAX_SEGMENT_CHUNKS) / Math.log(MERGE_RATIO)));
  });

  it("cuts an ingest's new reports into segments within the cap, keeping each report whole", () => {
    expect(splitNewReports([3, 4, 2, 5], 7)).toEqual([[0, 1], [2, 3]]);
    expect(splitNewReports([3, 9, 2], 7)).toEqual([[0], [1], [2]]);
    expect(splitNewReports([], 7)).toEqual([]);
    const counts = Array.from({ length: 100_000 }, (_, i) => 6 + (i % 10));
    const groups = splitNewReports(counts);
    expect(groups.flat()).toEqual(counts.map((_, i) => i));
    for (const g of groups) expect(g.reduce((n, i) => n + counts[i]!, 0)).toBeLessThanOrEqual(MAX_SEGMENT_CHUNKS);
    expect(groups).toHaveLength(Math.ceil(counts.reduce((n, c) => n + c, 0) / MAX_SEGMENT_CHUNKS));
  });
});
