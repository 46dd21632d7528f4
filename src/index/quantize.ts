/**
 * Sentence vectors only rank the few sentences of retrieved chunks, so they are kept as int8 with one scale per
 * vector: a quarter of float32's memory, for a cosine error measured by `npm run bench` (docs/benchmarks.md).
 */
export interface QuantizedVectors {
  /** Row-major, `dimensions` values per vector. */
  values: Int8Array;
  scales: Float32Array;
}

export function quantize(vectors: ArrayLike<number>[]): QuantizedVectors {
  const dims = vectors[0]?.length ?? 0;
  const values = new Int8Array(vectors.length * dims);
  const scales = new Float32Array(vectors.length);
  vectors.forEach((v, row) => {
    let max = 0;
    for (let i = 0; i < dims; i++) max = Math.max(max, Math.abs(v[i]!));
    const scale = max / 127 || 1;
    scales[row] = scale;
    for (let i = 0; i < dims; i++) values[row * dims + i] = Math.round(v[i]! / scale);
  });
  return { values, scales };
}

/** Vector `row` back as float32. */
export function dequantize(values: Int8Array, scales: Float32Array, row: number, dims: number): Float32Array {
  const out = new Float32Array(dims);
  const scale = scales[row]!;
  for (let i = 0; i < dims; i++) out[i] = values[row * dims + i]! * scale;
  return out;
}
