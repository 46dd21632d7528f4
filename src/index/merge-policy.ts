/**
 * When segments are merged, decided at each ingest (Lucene's log merge policy, simplified): walking from the oldest
 * segment to the newest, a segment not more than MERGE_RATIO times the size of the one after it is merged with it. Sizes
 * then grow geometrically towards the oldest, so there are O(log n) segments and every chunk is rewritten O(log n)
 * times; adding one report to a large index touches only small segments. A segment more than half deleted is rewritten.
 */
export const MERGE_RATIO = 4;

export interface SegmentSize {
  name: string;
  /** Chunks of live reports. */
  live: number;
  /** All chunks in the segment's files, deleted reports' included. */
  total: number;
}

/** Groups of consecutive segments (oldest first), each to be written as one; a group of one is a rewrite. */
export function planMerges(segments: SegmentSize[]): string[][] {
  const stack: Array<{ names: string[]; live: number; rewrite: boolean }> = [];
  for (const s of segments) {
    stack.push({ names: [s.name], live: s.live, rewrite: s.live * 2 < s.total });
    while (stack.length >= 2 && stack.at(-2)!.live <= MERGE_RATIO * stack.at(-1)!.live) {
      const newer = stack.pop()!;
      const older = stack.pop()!;
      stack.push({ names: [...older.names, ...newer.names], live: older.live + newer.live, rewrite: true });
    }
  }
  return stack.filter((g) => g.rewrite).map((g) => g.names);
}
