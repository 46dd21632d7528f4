import { sigmoid } from "./logistic-regression.js";

export interface Stump {
  feature: number;
  threshold: number;
  /** Added to the log-odds when the feature is below the threshold, and when it is not. */
  below: number;
  above: number;
}

/**
 * Gradient-boosted decision stumps on the logistic loss: each round adds the one-feature split that best fits the
 * current residuals, with Newton leaf values and shrinkage. Stumps capture thresholds and, summed, simple
 * non-linear effects that a linear model cannot ("names, but the asked-for word missing").
 */
export function fitStumps(rows: number[][], labels: number[], rounds = 60, shrinkage = 0.15, minLeaf = 8): { bias: number; stumps: Stump[] } {
  const n = rows.length;
  const positive = labels.reduce((s, y) => s + y, 0);
  const bias = Math.log((positive + 1) / (n - positive + 1));
  const z = new Array<number>(n).fill(bias);
  const stumps: Stump[] = [];
  const d = rows[0]?.length ?? 0;
  const thresholds = Array.from({ length: d }, (_, j) => {
    const values = [...new Set(rows.map((r) => r[j]!))].sort((a, b) => a - b);
    const step = Math.max(1, Math.floor(values.length / 24));
    return values.filter((_, i) => i > 0 && i % step === 0);
  });
  for (let round = 0; round < rounds; round++) {
    const p = z.map(sigmoid);
    const g = labels.map((y, i) => y - p[i]!);
    const h = p.map((q) => Math.max(q * (1 - q), 1e-6));
    let best: (Stump & { gain: number }) | undefined;
    for (let j = 0; j < d; j++) {
      for (const t of thresholds[j]!) {
        let gl = 0, hl = 0, gr = 0, hr = 0, nl = 0;
        for (let i = 0; i < n; i++) {
          if (rows[i]![j]! < t) (gl += g[i]!), (hl += h[i]!), nl++;
          else (gr += g[i]!), (hr += h[i]!);
        }
        if (nl < minLeaf || n - nl < minLeaf) continue;
        const gain = (gl * gl) / hl + (gr * gr) / hr;
        if (!best || gain > best.gain) best = { feature: j, threshold: t, below: (shrinkage * gl) / hl, above: (shrinkage * gr) / hr, gain };
      }
    }
    if (!best) break;
    const { gain: _, ...stump } = best;
    stumps.push(stump);
    for (let i = 0; i < n; i++) z[i]! += rows[i]![stump.feature]! < stump.threshold ? stump.below : stump.above;
  }
  return { bias, stumps };
}
