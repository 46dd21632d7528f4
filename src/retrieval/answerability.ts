import type { AnalysedQuestion } from "./question-analysis.js";
import type { ScoredSentence } from "./rank-sentences.js";
import type { SearchIndex } from "./search-index.js";

export interface Judgement {
  answerable: boolean;
  /** The best sentence's ranking score, compared with ANSWERABLE_THRESHOLD. */
  confidence: number;
  /** Not answerable, but the best candidates are close enough to show as passages that may be related. */
  related: boolean;
  reason: string;
}

// Calibrated with the ranking weights on the dev set plus our own reworded, unanswerable and second-report questions
// (tests/fixtures/*.jsonl), counting a wrong answer three times as bad as an abstention; see README "Quality".
export const ANSWERABLE_THRESHOLD = 0.49;

/**
 * Decides whether the reports hold an answer. Similarity alone cannot (off-topic questions score as high as
 * on-topic ones), so it also demands lexical evidence: every name or number the question uses must occur in the
 * reports, the best sentence's neighbourhood must cover enough of the question's weighted terms, and a question
 * that asks "how many" or "when" needs a sentence holding a number or a time.
 */
export function judgeAnswerability(index: SearchIndex, question: AnalysedQuestion, ranked: ScoredSentence[], reportIds?: string[]): Judgement {
  // The whole vocabulary is only needed to forgive a misspelt name; copying it for every question cost 80 ms at 100k chunks.
  let vocabulary: string[] | undefined;
  const missing = question.terms.filter(
    (t) => t.salient && !index.vocabularyHas(t.stem, reportIds) && !nearMiss(t.stem, (vocabulary ??= [...index.vocabulary(reportIds)])),
  );
  if (missing.length > 0) {
    return { answerable: false, related: false, confidence: 0, reason: `the reports never mention ${missing.map((t) => t.surface).join(", ")}` };
  }
  const best = ranked[0];
  if (!best) return { answerable: false, related: false, confidence: 0, reason: "nothing retrieved" };
  if (!ranked.slice(0, 3).some((s) => s.evidence.answerTypeMatch)) {
    return { answerable: false, related: false, confidence: 0, reason: "no retrieved sentence holds the kind of fact asked for" };
  }
  const confidence = best.score;
  return confidence >= ANSWERABLE_THRESHOLD
    ? { answerable: true, related: false, confidence, reason: "enough evidence" }
    : { answerable: false, related: false, confidence, reason: "weak evidence" };
}

/** A spelling variant of a word the reports use ("defense" for "defence"): one edit in five letters or more. */
function nearMiss(stem: string, vocabulary: string[]): boolean {
  if (stem.length < 5) return false;
  return vocabulary.some((v) => Math.abs(v.length - stem.length) <= 1 && v[0] === stem[0] && withinOneEdit(stem, v));
}

function withinOneEdit(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  if (a.length > b.length) return a.slice(i + 1) === b.slice(i);
  return a.slice(i) === b.slice(i + 1);
}
