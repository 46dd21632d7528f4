import { besideAskedFact, type Features, holdsAskedFact } from "./features.js";

export interface ScoredFeatures {
  /** The sentence model's probability. */
  score: number;
  namesInOwnReport: boolean;
  features: Features;
}

/** What the answer model sees of a question's ranked candidates: the best one that may answer, and the rest. */
export const ANSWER_FEATURE_NAMES = [
  "best",
  "second",
  "margin",
  "bestIsTop",
  "similarity",
  "anchoredCoverage",
  "focusSentence",
  "focusContext",
  "keyWordMissing",
  "wordsMissing",
  "phrases",
  "typeAsked",
  "typeInSentence",
  "typeInContext",
  "namesInContext",
  "onlyNames",
  "wordForWord",
  "factAttached",
] as const;
export type AnswerFeatures = Record<(typeof ANSWER_FEATURE_NAMES)[number], number>;

const TYPED_RANKS = 3;

/**
 * Its report holds every name of the question; it or a neighbour has the question's main verb (or a synonym or
 * derivation): "When was the depot repaired?" is not answered by a sentence about the depot burning; it or a neighbour
 * keeps the question's year, ordinal or "one-bedroom" ("How long did the third game last?" is not answered by the
 * fourth's); it is not itself a question: an interview's "Is the fleet safe?" holds every word of the same
 * question and answers nothing; for "how many", it does not count only something else; it does not give a name
 * of the question only as part of another name ("Lowmere Hospitals Trust" for "Lowmere Water"); and it does not say
 * that what is asked is unsaid ("the WCU has not yet named the host city").
 */
export const mayAnswer = (c: ScoredFeatures) =>
  c.namesInOwnReport && c.features.predicateMissing === 0 && c.features.qualifierMissing === 0 && c.features.isQuestion === 0 &&
  c.features.countsSomethingElse === 0 && c.features.namesAnother === 0 &&
  c.features.leftUnsaid === 0;

/** The best candidate whose report holds every name of the question, with the answer model's view of it. */
export function answerFeatures(ranked: readonly ScoredFeatures[]): { at: number; features: AnswerFeatures } | undefined {
  // Among the first few, one that holds the kind of fact asked for ("four days" for "how long") beats one that does not.
  const typed = ranked.slice(0, TYPED_RANKS).findIndex((c) => mayAnswer(c) && holdsAskedFact(c.features));
  // A sentence with neither the kind of fact asked for nor a neighbour holding it cannot answer, however close.
  const at = typed >= 0 ? typed : ranked.findIndex((c) => mayAnswer(c) && besideAskedFact(c.features));
  if (at < 0) return undefined;
  const best = ranked[at]!;
  const second = ranked.find((_, i) => i !== at)?.score ?? 0;
  const f = best.features;
  return {
    at,
    features: {
      best: best.score,
      second,
      margin: best.score - second,
      bestIsTop: at === 0 ? 1 : 0,
      similarity: f.similarity,
      anchoredCoverage: f.anchoredCoverage,
      focusSentence: f.focusSentence,
      focusContext: f.focusContext,
      keyWordMissing: f.keyWordMissing,
      wordsMissing: f.wordsMissing,
      phrases: f.phrases,
      typeAsked: f.typeAsked,
      typeInSentence: f.typeInSentence,
      typeInContext: f.typeInContext,
      namesInContext: f.namesInContext,
      onlyNames: f.onlyNames,
      wordForWord: wordForWord(f) ? 1 : 0,
      factAttached: f.factAttached,
    },
  };
}

/**
 * Every word of the question, names included, is in the sentence or its neighbours as written (no synonyms needed),
 * some of them in the sentence itself (one that merely sits beside them, "By Owen Marchetti at Westfield Stadium",
 * does not answer), and the sentence holds the kind of fact asked for. The answer model weighs it with the rest: as a
 * rule that answered whatever the model said, it gave 17 of the bank's 33 wrong answers (39 right).
 */
export function wordForWord(f: Features): boolean {
  return f.contextCoverage >= 0.999 && f.coverage > 0 && holdsAskedFact(f);
}
