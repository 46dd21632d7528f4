/** A window of consecutive sentences [first, last] (inclusive). */
export interface SentenceWindow {
  first: number;
  last: number;
}

/**
 * Sentence-aligned windows of `size` sentences that overlap by `overlap`, so an answer that spans a window
 * boundary still sits whole inside some chunk. The last window is never a lone leftover shorter than the overlap.
 */
export function chunkSentences(sentenceCount: number, size: number, overlap: number): SentenceWindow[] {
  if (size < 1 || overlap < 0 || overlap >= size) throw new RangeError("chunk size must exceed overlap");
  if (sentenceCount === 0) return [];
  const step = size - overlap;
  const windows: SentenceWindow[] = [];
  for (let first = 0; ; first += step) {
    const last = Math.min(first + size - 1, sentenceCount - 1);
    windows.push({ first, last });
    if (last === sentenceCount - 1) break;
  }
  return windows;
}
