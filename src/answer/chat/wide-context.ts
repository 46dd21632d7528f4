import type { SentenceRecord } from "../../index/records.js";
import type { RankedSentence } from "../answerer.js";

/** Sentences of `sentence`'s report around it (`before` and `after` of them, itself included), in reading order. */
export type SentencesAround = (sentence: SentenceRecord, before: number, after: number) => SentenceRecord[];

/** Neighbours taken on each side of a candidate: an answer often leans on the sentence before or after it. */
const RADIUS = 1;
/**
 * Only the best few candidates bring their neighbours: further down, a sentence that ranked is likelier to answer than
 * the neighbour of a weaker one. With 23 reports in the corpus, widening every candidate handed the perfect reader the
 * supporting sentence for 92.7 % of the bank's first two files at 40 sentences; widening the first three, 95.5 %
 * (the same retrieval pool).
 */
const WIDENED = 3;

/**
 * What the chat model reads: the candidates, best first, the first few widened with their neighbours, until `budget` sentences
 * are chosen; then grouped by report (the best candidate's report first) and put back in reading order, so the model
 * reads passages rather than a shuffled list. The offline ranking usually has the supporting sentence among its first
 * few but often not first, and the model, not our gate, decides whether the reports answer; so it gets many
 * sentences, and their order and neighbours let it follow "it", "however" and a list introduced by a colon.
 */
export function wideContext(candidates: RankedSentence[], around: SentencesAround, budget: number): RankedSentence[] {
  const scores = new Map(candidates.map((c) => [c.sentence.id, c.score]));
  const chosen = new Map<string, RankedSentence>();
  for (const [rank, candidate] of candidates.entries()) {
    if (chosen.size >= budget) break;
    const radius = rank < WIDENED ? RADIUS : 0;
    const window = around(candidate.sentence, radius, radius);
    // The candidate itself first, so a budget running out mid-window keeps the sentence that ranked.
    const ordered = [candidate.sentence, ...window.filter((s) => s.id !== candidate.sentence.id)];
    for (const sentence of ordered) {
      if (chosen.size >= budget) break;
      if (chosen.has(sentence.id)) continue;
      chosen.set(sentence.id, { sentence, report: candidate.report, score: scores.get(sentence.id) ?? 0 });
    }
  }
  const reportRank = new Map<string, number>();
  for (const { report } of chosen.values()) if (!reportRank.has(report.id)) reportRank.set(report.id, reportRank.size);
  return [...chosen.values()].sort(
    (a, b) => reportRank.get(a.report.id)! - reportRank.get(b.report.id)! || a.sentence.index - b.sentence.index,
  );
}
