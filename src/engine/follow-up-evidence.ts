import { parseSentenceId } from "../core/sentence-id.js";
import { answeredFrom, reportsOf, type Turn } from "../conversation/turn.js";
import { mayAnswer } from "../retrieval/answer-features.js";
import { holdsAskedFact } from "../retrieval/features.js";
import type { Candidate } from "../retrieval/retrieve.js";
import { extractTerms } from "../text/terms.js";

/**
 * What the follow-up model (`follow-up-model.ts`) sees of one candidate of a follow-up the judgement was not sure of:
 * how the question found it (the sentence model's probability, its rank, how much of the reading it covers, how many
 * of the words typed it says) and what the conversation says about it (whether it is in the report the previous answer
 * came from or one the conversation has been about, and how close it sits to a sentence the previous turn cited or
 * showed). The single-question judgement sees only the former; a follow-up's answer is very often beside what the
 * previous turn put before the person.
 */
export const FOLLOW_UP_FEATURE_NAMES = ["score", "rank", "coverage", "typedWords", "holdsAskedFact", "previousReport", "conversationReport", "nearCited", "nearShown"] as const;
export type FollowUpFeatures = Record<(typeof FOLLOW_UP_FEATURE_NAMES)[number], number>;

export interface FollowUpEvidence {
  /** The candidate's place in the retrieval's ranking. */
  at: number;
  candidate: Candidate;
  features: FollowUpFeatures;
}

/** Candidates weighed: the support of a follow-up that fails is rarely further down than this. */
export const WEIGHED_RANKS = 8;

/**
 * The evidence for each of the first `WEIGHED_RANKS` candidates that may answer (`mayAnswer`) and that no earlier turn
 * cited (a follow-up asks something new). `typed` is the follow-up as the person wrote it.
 */
export function followUpEvidence(candidates: readonly Candidate[], history: readonly Turn[], typed: string): FollowUpEvidence[] {
  const previous = history.at(-1);
  const citedBefore = new Set(history.flatMap((t) => t.citations ?? []).map((c) => c.sentenceId));
  const cited = (previous?.citations ?? []).map((c) => c.sentenceId);
  const shown = (previous?.related ?? []).map((c) => c.sentenceId);
  const previousReport = answeredFrom(history);
  const about = new Set(history.flatMap(reportsOf));
  const typedStems = [...new Set(extractTerms(typed).filter((t) => !t.salient).map((t) => t.stem))];
  const evidence: FollowUpEvidence[] = [];
  candidates.slice(0, WEIGHED_RANKS).forEach((candidate, at) => {
    if (!mayAnswer(candidate) || citedBefore.has(candidate.sentence.id)) return;
    const said = new Set(extractTerms(candidate.sentence.text).map((t) => t.stem));
    evidence.push({
      at,
      candidate,
      features: {
        score: candidate.score,
        rank: 1 / (1 + at),
        coverage: candidate.features.coverage,
        typedWords: typedStems.length === 0 ? 0 : typedStems.filter((s) => said.has(s)).length / typedStems.length,
        holdsAskedFact: holdsAskedFact(candidate.features) ? 1 : 0,
        previousReport: candidate.report.id === previousReport ? 1 : 0,
        conversationReport: about.has(candidate.report.id) ? 1 : 0,
        nearCited: closeness(candidate, cited),
        nearShown: closeness(candidate, shown),
      },
    });
  });
  return evidence;
}

/** 1 / (1 + the distance in sentences to the nearest of `ids` in the candidate's report); 0 when none is there. */
function closeness(candidate: Candidate, ids: readonly string[]): number {
  let nearest = Infinity;
  for (const id of ids) {
    const at = parseSentenceId(id);
    if (at?.reportId === candidate.report.id) nearest = Math.min(nearest, Math.abs(at.index - candidate.sentence.index));
  }
  return Number.isFinite(nearest) ? 1 / (1 + nearest) : 0;
}
