import { answerFeatures, type ScoredFeatures } from "./answer-features.js";
import { type AnswerabilityModel, stumpsProbability } from "./answerability-model.js";

/** The judgement's reason when the answer model alone is sure enough. */
export const CONFIDENT = "confident";

export interface Judgement {
  answerable: boolean;
  /** Not answerable, but the best candidates are close enough to show as passages that may be related. */
  related: boolean;
  /** Which candidate to answer with, when answerable (ranked order otherwise). */
  answerAt?: number;
  /** The answer model's probability that the best candidate that may answer is a right answer (0 when none may). */
  confidence: number;
  reason: string;
  /**
   * With an introduction's reason (retrieval/introduction.ts): how many of the first candidates answer, each report's
   * own introduction of an acronym it spells out, or of an office's holder it names, otherwise than the others. With a
   * byline's (retrieval/byline-answer.ts), 1: the byline.
   */
  introductions?: number;
}

/**
 * Three outcomes: answer, when the best candidate whose report holds every name of the question is likely right;
 * show related passages, when the best candidate is at least near; or nothing.
 */
export function judge(model: AnswerabilityModel, ranked: readonly ScoredFeatures[]): Judgement {
  const top = ranked[0];
  if (!top) return { answerable: false, related: false, confidence: 0, reason: "nothing retrieved" };
  const best = answerFeatures(ranked);
  const confidence = best ? stumpsProbability(model.answer, best.features) : 0;
  if (best && confidence >= model.thresholds.answer) return { answerable: true, related: false, answerAt: best.at, confidence, reason: CONFIDENT };
  if (best && best.features.wordForWord === 1 && confidence >= model.thresholds.answerWordForWord) {
    return { answerable: true, related: false, answerAt: best.at, confidence, reason: "every word of the question is in the sentence or beside it" };
  }
  const related = sharesAskedWords(ranked) && (closestSimilarity(ranked) >= model.thresholds.relatedSimilarity || givesItsNames(ranked));
  const reason =
    best !== undefined ? (related ? "not sure" : "nothing close")
    : ranked.some((c) => c.namesInOwnReport) ? "no sentence holds the kind of fact asked for, nor one beside it"
    : "a name in the question is in none of the retrieved reports";
  return { answerable: false, related, confidence, reason };
}

const RELATED_RANKS = 3;

/**
 * Passages are shown as related only when one of the first few, from a report that holds every name the question
 * uses, holds some of the question's words (or their synonyms) in it or beside it: a close embedding alone is what an off-topic question ("What recipe is recommended
 * for banana bread?") gets from any report, and showing it would suggest the reports touch the subject.
 */
export function sharesAskedWords(ranked: readonly ScoredFeatures[]): boolean {
  return ranked.slice(0, RELATED_RANKS).some((c) => c.namesInOwnReport && c.features.contextCoverage > 0);
}

/** The embedding similarity of the closest of the first few: an off-topic question shares a word by chance, not its meaning. */
export function closestSimilarity(ranked: readonly ScoredFeatures[]): number {
  return Math.max(0, ...ranked.slice(0, RELATED_RANKS).map((c) => c.features.similarity));
}

/**
 * One of the first few gives every name the question uses, in it or beside it: the question is about what the
 * report is about, however far its wording is from the sentence's ("What did Tolo News report?" is close to nothing
 * of "According to sources cited by Tolo News, the Afghan delegation reaffirmed …"), so the similarity floor, which
 * keeps passages from off-topic questions, does not apply.
 */
function givesItsNames(ranked: readonly ScoredFeatures[]): boolean {
  return ranked.slice(0, RELATED_RANKS).some((c) => c.namesInOwnReport && c.features.hasNames === 1 && c.features.namesInContext === 1);
}
