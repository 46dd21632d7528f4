/**
 * When segments are merged, decided at each ingest (Lucene's log merge policy, simplified): walking from the oldest
 * segment to the newest, a segment not more than MERGE_RATIO times the size of the one after it is merged with it. Sizes
 * then grow geometrically towards the oldest, so there are O(log n) segments and every chunk is rewritten O(log n)
 * times; adding one report to a large index touches only small segments. A segment more than half deleted is rewritten.
 */
export const MERGE_RATIO = 4;

/**
 * Most chunks one segment holds, whether written by an ingest or by a merge (Lucene's maximum merged segment size):
 * past it an archive grows by more segments, not larger ones. One HNSW graph's recall falls as it grows (recall@10 at
 * the product's efSearch: 1.0 at 100,000 chunks, 0.948 at 1,000,000; docs/benchmarks.md), and a segment's files must
 * stay far below what Node reads in one go: `columns.bin` is one readFile (2 GiB at about 1.5 million chunks) and
 * `segment.json` one string (V8's limit at about 2.4 million). At this cap they are about 350 MB and 55 MB.
 */
export const MAX_SEGMENT_CHUNKS = 250_000;

export interface SegmentSize {
  name: string;
  /** Chunks of live reports. */
  live: number;
  /** All chunks in the segment's files, deleted reports' included. */
  total: number;
}

/**
 * Groups of consecutive segments (oldest first), each to be written as one; a group of one is a rewrite. No group holds
 * more than `maxChunks` live chunks: two segments that would exceed it stay apart.
 */
export function planMerges(segments: SegmentSize[], maxChunks = MAX_SEGMENT_CHUNKS): string[][] {
  const stack: Array<{ names: string[]; live: number; rewrite: boolean }> = [];
  const mergeable = () => {
    const [older, newer] = [stack.at(-2)!, stack.at(-1)!];
    return older.live <= MERGE_RATIO * newer.live && older.live + newer.live <= maxChunks;
  };
  for (const s of segments) {
    stack.push({ names: [s.name], live: s.live, rewrite: s.live * 2 < s.total });
    while (stack.length >= 2 && mergeable()) {
      const newer = stack.pop()!;
      const older = stack.pop()!;
      stack.push({ names: [...older.names, ...newer.names], live: older.live + newer.live, rewrite: true });
    }
  }
  return stack.filter((g) => g.rewrite).map((g) => g.names);
}

/**
 * How an ingest's new reports (their chunk counts, in order) are cut into new segments: consecutive runs of at most
 * `maxChunks` chunks. A report is never split; one larger than the cap is a segment alone.
 */
export function splitNewReports(chunkCounts: number[], maxChunks = MAX_SEGMENT_CHUNKS): number[][] {
  const groups: number[][] = [];
  let size = 0;
  chunkCounts.forEach((count, i) => {
    if (groups.length === 0 || size + count > maxChunks) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(i);
    size += count;
  });
  return groups;
}
