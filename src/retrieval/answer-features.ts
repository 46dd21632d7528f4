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
  "coverage",
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
] as const;
export type AnswerFeatures = Record<(typeof ANSWER_FEATURE_NAMES)[number], number>;

const TYPED_RANKS = 3;

/** The best candidate whose report holds every name of the question, with the answer model's view of it. */
export function answerFeatures(ranked: readonly ScoredFeatures[]): { at: number; features: AnswerFeatures } | undefined {
  // Among the first few, one that holds the kind of fact asked for ("four days" for "how long") beats one that does not.
  const typed = ranked.slice(0, TYPED_RANKS).findIndex((c) => c.namesInOwnReport && holdsAskedFact(c.features));
  // A sentence with neither the kind of fact asked for nor a neighbour holding it cannot answer, however close.
  const at = typed >= 0 ? typed : ranked.findIndex((c) => c.namesInOwnReport && besideAskedFact(c.features));
  if (at < 0) return undefined;
  const best = ranked[at]!;
  const second = ranked.find((c, i) => i !== at)?.score ?? 0;
  const f = best.features;
  return {
    at,
    features: {
      best: best.score,
      second,
      margin: best.score - second,
      bestIsTop: at === 0 ? 1 : 0,
      similarity: f.similarity,
      coverage: f.coverage,
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
    },
  };
}
