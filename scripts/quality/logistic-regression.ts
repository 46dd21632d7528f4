/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares): a few
 * dozen features and some thousand rows converge in about ten steps. Features are standardised first, so one
 * penalty suits them all; the intercept is not penalised.
 */
export interface LogisticFit {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export function fitLogistic(rows: number[][], labels: number[], l2 = 1, iterations = 25): LogisticFit {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0) / Math.max(1, n));
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / Math.max(1, n)) || 1);
  // Column 0 is the intercept. Rows are stored flat and summed in plain loops: the nested CV fits this some two thousand
  // times, and the arithmetic is done in the same order as ever, so the fitted weights do not change by a bit.
  const width = d + 1;
  const x = new Float64Array(n * width);
  rows.forEach((r, i) => {
    x[i * width] = 1;
    r.forEach((v, j) => (x[i * width + j + 1] = (v - mean[j]!) / scale[j]!));
  });
  const beta = new Array<number>(width).fill(0);
  for (let step = 0; step < iterations; step++) {
    const gradient = beta.map((b, j) => (j === 0 ? 0 : l2 * b));
    const hessian = new Float64Array(width * width);
    for (let a = 1; a < width; a++) hessian[a * width + a] = l2;
    for (let i = 0; i < n; i++) {
      const row = i * width;
      let z = 0;
      for (let j = 0; j < width; j++) z = z + x[row + j]! * beta[j]!;
      const p = sigmoid(z);
      const w = Math.max(p * (1 - p), 1e-9);
      const residual = p - labels[i]!;
      for (let a = 0; a < width; a++) {
        const xa = x[row + a]!;
        gradient[a]! += residual * xa;
        const wa = w * xa;
        for (let b = a; b < width; b++) hessian[a * width + b]! += wa * x[row + b]!;
      }
    }
    const square = Array.from({ length: width }, (_, a) => Array.from({ length: width }, (_, b) => hessian[Math.min(a, b) * width + Math.max(a, b)]!));
    const delta = solve(square, gradient);
    let change = 0;
    for (let j = 0; j < width; j++) {
      beta[j]! -= delta[j]!;
      change = Math.max(change, Math.abs(delta[j]!));
    }
    if (change < 1e-7) break;
  }
  return { mean, scale, weights: beta.slice(1), bias: beta[0]! };
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Gaussian elimination with partial pivoting; the regularised Hessian is positive definite. */
function solve(a: number[][], b: number[]): number[] {
  const m = a.map((row, i) => [...row, b[i]!]);
  const size = b.length;
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = col + 1; r < size; r++) {
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= size; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  const out = new Array<number>(size).fill(0);
  for (let r = size - 1; r >= 0; r--) {
    let s = m[r]![size]!;
    for (let c = r + 1; c < size; c++) s -= m[r]![c]! * out[c]!;
    out[r] = s / m[r]![r]!;
  }
  return out;
}
