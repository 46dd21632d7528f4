import { fitLogistic, type LogisticFit } from "./logistic-regression.js";

/** One question's candidates: feature rows and whether each holds the support. */
export interface RankingGroup {
  rows: number[][];
  labels: number[];
}

/**
 * A linear ranker fitted on pairs (a supporting candidate against each other candidate of the same question), so
 * it learns what makes one sentence better than its rivals rather than what makes a question easy. It is then
 * scaled on the single candidates, together with the features that are the same for every candidate of a question
 * (they cannot rank, but they tell how likely any candidate is to hold the support), so that its output is again a
 * probability, which the answer model and thresholds read. The order within a question is the ranker's.
 * Returned in `fitLogistic`'s form, over the candidates' standardisation.
 */
export function fitPairwiseLogistic(groups: RankingGroup[], l2 = 1): LogisticFit {
  const rows = groups.flatMap((g) => g.rows);
  const labels = groups.flatMap((g) => g.labels);
  const d = rows[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0) / Math.max(1, rows.length));
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / Math.max(1, rows.length)) || 1);
  const standard = groups.map((g) => g.rows.map((r) => r.map((v, j) => (v - mean[j]!) / scale[j]!)));
  const pairs: number[][] = [];
  const wins: number[] = [];
  groups.forEach((g, q) => {
    const x = standard[q]!;
    g.labels.forEach((yes, i) => {
      if (yes !== 1) return;
      g.labels.forEach((other, k) => {
        if (other === 1) return;
        const difference = x[i]!.map((v, j) => v - x[k]![j]!);
        // Every other pair the other way round, so both outcomes occur and the intercept stays near zero.
        const flip = pairs.length % 2;
        pairs.push(flip ? difference.map((v) => -v) : difference);
        wins.push(flip ? 0 : 1);
      });
    });
  });
  const ranker = fitLogistic(pairs, wins, l2);
  const direction = ranker.weights.map((w, j) => w / ranker.scale[j]!);
  const perQuestion = Array.from({ length: d }, (_, j) => j).filter((j) => groups.every((g) => g.rows.every((r) => r[j] === g.rows[0]![j])));
  const x = standard.flat();
  const platt = fitLogistic(
    x.map((r) => [r.reduce((s, v, j) => s + v * direction[j]!, 0), ...perQuestion.map((j) => r[j]!)]),
    labels,
    l2,
  );
  // Undo the scaling's own standardisation, so every weight applies to the candidates' standardised features.
  const slope = platt.weights.map((w, c) => w / platt.scale[c]!);
  const weights = direction.map((w) => slope[0]! * w);
  perQuestion.forEach((j, c) => (weights[j]! += slope[c + 1]!));
  const bias = platt.bias - slope.reduce((s, w, c) => s + w * platt.mean[c]!, 0);
  return { mean, scale, weights, bias };
}
