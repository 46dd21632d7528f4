import type { ChunkHit } from "./hybrid-search.js";
import type { IndexedSentence, SearchIndex } from "./search-index.js";

export interface PoolSentence {
  sentence: IndexedSentence;
  /** Rank of the retrieved chunk that holds it; undefined when sentence search found it outside those chunks. */
  chunkRank?: number;
}

/**
 * The sentences to rank: those of the retrieved chunks, in chunk order, then the sentences of the same reports
 * closest to the question on their own (`extra` of them). A chunk's vector averages its sentences, so a reworded
 * question that matches one sentence well can miss every chunk that holds it; the reports the chunks reached are
 * usually the right ones, and they are few and short, so scoring all their sentences is cheap.
 */
export function candidatePool(index: SearchIndex, queryVector: ArrayLike<number>, hits: ChunkHit[], extra: number): PoolSentence[] {
  const pool: PoolSentence[] = [];
  const seen = new Set<string>();
  const reports: string[] = [];
  hits.forEach((hit, chunkRank) => {
    const { chunk, report } = index.chunkAt(hit.label);
    if (!reports.includes(report.id)) reports.push(report.id);
    const sentences = index.sentencesOf(report.id);
    for (let i = chunk.firstSentence; i <= chunk.lastSentence; i++) {
      const s = sentences[i]!;
      if (seen.has(s.sentence.id)) continue;
      seen.add(s.sentence.id);
      pool.push({ sentence: s, chunkRank });
    }
  });
  const closest = reports
    .flatMap((id) => index.sentencesOf(id))
    .filter((s) => !seen.has(s.sentence.id))
    .map((s) => ({ s, similarity: dot(queryVector, s.vector) }))
    .sort((a, b) => b.similarity - a.similarity || a.s.sentence.id.localeCompare(b.s.sentence.id))
    .slice(0, extra);
  for (const { s } of closest) pool.push({ sentence: s });
  return pool;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
