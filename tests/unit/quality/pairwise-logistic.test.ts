import { describe, expect, it } from "vitest";
import { sigmoid } from "../../../scripts/quality/logistic-regression.js";
import { fitPairwiseLogistic, type RankingGroup } from "../../../scripts/quality/pairwise-logistic.js";

describe("fitPairwiseLogistic", () => {
  // Column 0 tells the supporting candidate from its rivals; column 1 only tells easy questions (every candidate
  // high) from hard ones, the same for all candidates of a question; column 2 is noise.
  const groups: RankingGroup[] = Array.from({ length: 60 }, (_, q) => {
    const easy = q % 2;
    const supportAt = q % 5;
    const rows = Array.from({ length: 5 }, (_, i) => [i === supportAt ? 0.6 + (q % 3) / 10 : (i + q) % 4 / 10, easy, ((q * 7 + i * 13) % 11) / 11]);
    // A hard question's support is often not retrieved at all.
    const labels = rows.map((_, i) => (i === supportAt && (easy === 1 || q % 4 === 0) ? 1 : 0));
    return { rows, labels };
  });
  const fit = fitPairwiseLogistic(groups, 1);
  const p = (x: number[]) => sigmoid(fit.bias + x.reduce((s, v, j) => s + fit.weights[j]! * ((v - fit.mean[j]!) / fit.scale[j]!), 0));

  it("ranks by what separates candidates within a question", () => {
    for (const g of groups.filter((g) => g.labels.includes(1))) {
      const best = g.rows.map(p).reduce((at, v, i, all) => (v > all[at]! ? i : at), 0);
      expect(g.labels[best]).toBe(1);
    }
    expect(Math.abs(fit.weights[2]!)).toBeLessThan(Math.abs(fit.weights[0]!) / 4);
  });

  it("is a probability that also reads the features shared by a question's candidates", () => {
    expect(p([0.7, 1, 0.5])).toBeGreaterThan(0.5);
    expect(p([0.7, 0, 0.5])).toBeLessThan(p([0.7, 1, 0.5]));
    expect(p([0.1, 1, 0.5])).toBeLessThan(0.2);
  });
});
