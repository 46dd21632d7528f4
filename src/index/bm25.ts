import type { LoadedSegment } from "./index-files.js";

/** MiniSearch's BM25+ parameters, which the ranking weights were calibrated with. */
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;

export interface LexicalHit {
  /** Segment number and chunk position in it. */
  segment: number;
  chunk: number;
  score: number;
}

/** Live-chunk statistics of the segments together, as one index over the live reports would have them. */
export interface LexicalStats {
  chunks: number;
  averageLength: number;
}

export function lexicalStats(segments: LoadedSegment[]): LexicalStats {
  let chunks = 0;
  let length = 0;
  for (const { segment, live } of segments) {
    for (let c = 0; c < segment.chunkReport.length; c++) {
      if (!live[segment.chunkReport[c]!]) continue;
      chunks++;
      length += segment.columns.chunkLength[c]!;
    }
  }
  return { chunks, averageLength: chunks > 0 ? length / chunks : 0 };
}

/**
 * BM25+ over the segments' postings, scored into one typed array per segment; the same scores MiniSearch gave (every
 * query term occurrence adds its score, and the sum is multiplied by the number of distinct terms matched), over live
 * chunks only, so deleted reports change neither scores nor statistics. `allowed` limits the reports per segment.
 */
export function scorePostings(
  segments: LoadedSegment[],
  stats: LexicalStats,
  queryStems: string[],
  allowed?: (segment: number, report: number) => boolean,
): Array<{ scores: Float64Array; matched: Uint8Array } | undefined> {
  const distinct = [...new Set(queryStems)];
  const out = segments.map(() => undefined as { scores: Float64Array; matched: Uint8Array } | undefined);
  for (const term of distinct) {
    const repeat = queryStems.filter((t) => t === term).length;
    let df = 0;
    for (const { segment, live } of segments) {
      const t = segment.termIndex.get(term);
      if (t === undefined) continue;
      const { postingOffsets, postingChunks } = segment.columns;
      for (let p = postingOffsets[t]!; p < postingOffsets[t + 1]!; p++) if (live[segment.chunkReport[postingChunks[p]!]!]) df++;
    }
    if (df === 0) continue;
    const idf = Math.log(1 + (stats.chunks - df + 0.5) / (df + 0.5));
    segments.forEach(({ segment, live }, s) => {
      const t = segment.termIndex.get(term);
      if (t === undefined) return;
      const { postingOffsets, postingChunks, postingFreqs, chunkLength } = segment.columns;
      const n = segment.chunkReport.length;
      const acc = (out[s] ??= { scores: new Float64Array(n), matched: new Uint8Array(n) });
      for (let p = postingOffsets[t]!; p < postingOffsets[t + 1]!; p++) {
        const c = postingChunks[p]!;
        const report = segment.chunkReport[c]!;
        if (!live[report] || (allowed && !allowed(s, report))) continue;
        const tf = postingFreqs[p]!;
        const norm = K1 * (1 - B + (B * chunkLength[c]!) / stats.averageLength);
        acc.scores[c]! += repeat * idf * (DELTA + (tf * (K1 + 1)) / (tf + norm));
        acc.matched[c]!++;
      }
    });
  }
  return out;
}
