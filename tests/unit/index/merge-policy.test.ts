import { describe, expect, it } from "vitest";
import { MERGE_RATIO, planMerges } from "../../../src/index/merge-policy.js";

const seg = (name: string, live: number, total = live) => ({ name, live, total });

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
    const segments: Array<ReturnType<typeof seg>> = [];
    for (let i = 0; i < 2000; i++) {
      segments.push(seg(`s${i}`, 10));
      for (const group of planMerges(segments)) {
        const merged = seg(group.join("+"), group.reduce((n, g) => n + segments.find((s) => s.name === g)!.live, 0));
        const at = segments.findIndex((s) => s.name === group[0]);
        segments.splice(at, group.length, merged);
      }
    }
    expect(segments.length).toBeLessThanOrEqual(Math.ceil(Math.log(2000) / Math.log(MERGE_RATIO)) + 2);
    for (let i = 1; i < segments.length; i++) expect(segments[i - 1]!.live).toBeGreaterThan(MERGE_RATIO * segments[i]!.live);
  });

  it("rewrites a segment more than half deleted", () => {
    expect(planMerges([seg("base", 400, 1000), seg("new", 10)])).toEqual([["base"]]);
  });
});
