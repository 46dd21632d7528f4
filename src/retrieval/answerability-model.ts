import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { ANSWER_FEATURE_NAMES } from "./answer-features.js";
import { RANKING_FEATURE_NAMES } from "./features.js";

export const linearSchema = z.object({
  features: z.array(z.string()),
  /** Features are standardised with these before the weights apply. */
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
});
export type LinearModel = z.infer<typeof linearSchema>;

const stumpsSchema = z.object({
  features: z.array(z.string()),
  bias: z.number(),
  /** Each adds `below` to the log-odds when its feature is below `threshold`, else `above`. */
  stumps: z.array(z.object({ feature: z.number().int().nonnegative(), threshold: z.number(), below: z.number(), above: z.number() })),
});
export type StumpsModel = z.infer<typeof stumpsSchema>;

/**
 * Two models fitted by `npm run calibrate` on the question bank. `sentence`, a logistic regression: the probability
 * that a sentence answers the question, which ranks the candidates. `answer`, boosted decision stumps: the
 * probability that the best of them is a right answer, from its features and how far it stands above the rest. Thresholds were chosen on predictions for
 * reports held out of the fit.
 */
export const answerabilityModelSchema = z.object({
  version: z.literal(2),
  sentence: linearSchema,
  answer: stumpsSchema,
  thresholds: z.object({
    /** `answer` probability at or above which Dossier answers. */
    answer: z.number(),
    /**
     * The lower probability that is enough when every word of the question is in the sentence or beside it
     * (`wordForWord`); chosen with `answer` on held-out reports, under the same limit on wrong answers.
     */
    answerWordForWord: z.number(),
    /**
     * When not answering, the embedding similarity one of the first few must reach for the closest passages to be
     * shown as possibly related: what separates a reworded question from an off-topic one. (A floor on the sentence
     * probability as well kept out more reworded questions' support than off-topic passages, on held-out reports.)
     */
    relatedSimilarity: z.number(),
  }),
  fittedOn: z.object({ questions: z.number(), reports: z.number(), sentences: z.number() }).optional(),
});
export type AnswerabilityModel = z.infer<typeof answerabilityModelSchema>;

const MODEL_FILE = new URL("./model/answerability.json", import.meta.url);

let shipped: AnswerabilityModel | undefined;

/** The model shipped with Dossier; it must list exactly the features this code computes. */
export function shippedModel(): AnswerabilityModel {
  return (shipped ??= checkModel(answerabilityModelSchema.parse(JSON.parse(readFileSync(MODEL_FILE, "utf8")))));
}

/**
 * A digest of the shipped model's file: a model fitted on top of this one (the follow-up model weighs its scores)
 * records it, so a test sees when this one was refitted without it.
 */
export function shippedModelDigest(): string {
  return createHash("sha256").update(readFileSync(MODEL_FILE)).digest("hex").slice(0, 16);
}

export function checkModel(model: AnswerabilityModel): AnswerabilityModel {
  const { sentence, answer } = model;
  const linearFits = sentence.features.join() === RANKING_FEATURE_NAMES.join() && [sentence.mean, sentence.scale, sentence.weights].every((a) => a.length === RANKING_FEATURE_NAMES.length);
  const stumpsFit = answer.features.join() === ANSWER_FEATURE_NAMES.join() && answer.stumps.every((s) => s.feature < ANSWER_FEATURE_NAMES.length);
  if (!linearFits || !stumpsFit) {
    throw new Error("The answerability model does not match this code's features: run `npm run calibrate`.");
  }
  return model;
}

export function linearProbability(model: LinearModel, values: Readonly<Record<string, number>>): number {
  let z = model.bias;
  model.features.forEach((name, i) => {
    z += model.weights[i]! * ((values[name]! - model.mean[i]!) / model.scale[i]!);
  });
  return 1 / (1 + Math.exp(-z));
}

export function stumpsProbability(model: StumpsModel, values: Readonly<Record<string, number>>): number {
  let z = model.bias;
  for (const s of model.stumps) z += values[model.features[s.feature]!]! < s.threshold ? s.below : s.above;
  return 1 / (1 + Math.exp(-z));
}
