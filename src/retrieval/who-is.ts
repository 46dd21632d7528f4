import { extractTerms } from "../text/terms.js";
import { mayAnswer, type ScoredFeatures } from "./answer-features.js";
import type { Judgement } from "./answerability.js";
import type { AnalysedQuestion } from "./question-analysis.js";

// "Who is Rachel Ingersoll?", "who was Dai Pritchard": who someone is, asked by their name and nothing else.
const WHO_IS = /^\s*who\s*(?:is|was|'s|’s)\s+(.+?)[\s?.!]*$/iu;

export const INTRODUCES_THEM = "the question asks who someone is, and the sentence introduces them by name";

/**
 * The question asks who a named person is. The bank that fits the answer model holds almost no such questions, and
 * the sentence encoder puts a bare name far from the long sentence that introduces it ("Dr. Rachel Ingersoll, chief
 * executive of the authority, said …" scored below zero), so the model was not sure, or found nothing close; and when
 * it was sure, the sentences around its pick scored as close and were quoted with it.
 */
export function asksWhoSomeoneIs(question: AnalysedQuestion): boolean {
  const named = WHO_IS.exec(question.text)?.[1];
  // A capital is a name's even where the term finder reads a sentence start ("Rachel" after "Dr.").
  return named !== undefined && question.terms.length > 0 && question.terms.every((t) => t.salient || /^\p{Lu}/u.test(t.surface)) && extractTerms(named).length === question.terms.length;
}

/**
 * Answers who someone is with the sentence that introduces them: reports give a person's full name and what they are
 * at first mention ("The oldest, Dai Pritchard, is 61."), then the surname alone. Of the candidates that may answer
 * and hold the whole name (its words side by side), the earliest in the report of the best of them; it alone is cited.
 */
export function introduction(question: AnalysedQuestion, ranked: readonly (ScoredFeatures & { report: { id: string }; sentence: { index: number } })[], judged: Judgement): Judgement | undefined {
  if (!asksWhoSomeoneIs(question)) return undefined;
  const naming = (c: (typeof ranked)[number]) => mayAnswer(c) && c.features.coverage === 1 && (question.terms.length < 2 || c.features.phrases === 1);
  const first = ranked.find(naming);
  if (!first) return undefined;
  let at = -1;
  ranked.forEach((c, i) => {
    if (c.report.id === first.report.id && naming(c) && (at < 0 || c.sentence.index < ranked[at]!.sentence.index)) at = i;
  });
  return { answerable: true, related: false, answerAt: at, confidence: judged.confidence, reason: INTRODUCES_THEM };
}
