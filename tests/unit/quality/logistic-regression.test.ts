import { describe, expect, it } from "vitest";
import { fitLogistic, sigmoid } from "../../../scripts/quality/logistic-regression.js";

describe("fitLogistic", () => {
  it("learns which feature decides the label and ignores noise", () => {
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 200; i++) {
      const signal = (i % 20) / 20;
      const noise = ((i * 7919) % 13) / 13;
      rows.push([signal, noise]);
      labels.push(signal > 0.5 ? 1 : 0);
    }
    const fit = fitLogistic(rows, labels, 0.1);
    expect(fit.weights[0]!).toBeGreaterThan(3);
    expect(Math.abs(fit.weights[1]!)).toBeLessThan(0.5);
    const p = (x: number[]) => sigmoid(fit.bias + x.reduce((s, v, j) => s + fit.weights[j]! * ((v - fit.mean[j]!) / fit.scale[j]!), 0));
    expect(p([0.9, 0.5])).toBeGreaterThan(0.9);
    expect(p([0.1, 0.5])).toBeLessThan(0.1);
  });
});
