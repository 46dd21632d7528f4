import { ANSWER_FEATURE_NAMES } from "../../src/retrieval/answer-features.js";
import type { AnswerabilityModel, LinearModel } from "../../src/retrieval/answerability-model.js";
import { RANKING_FEATURE_NAMES } from "../../src/retrieval/features.js";

const flat = (features: readonly string[]): LinearModel => ({
  features: [...features],
  mean: features.map(() => 0),
  scale: features.map(() => 1),
  weights: features.map(() => 0),
  bias: 0,
});

/** A model that weighs nothing: enough to retrieve and collect features before any model is fitted. */
export const PLACEHOLDER_MODEL: AnswerabilityModel = {
  version: 2,
  sentence: flat(RANKING_FEATURE_NAMES),
  answer: { features: [...ANSWER_FEATURE_NAMES], bias: 0, stumps: [] },
  thresholds: { answer: 1, answerWordForWord: 1, relatedSimilarity: 1 },
};
