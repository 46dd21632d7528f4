import { readFileSync } from "node:fs";
import { z } from "zod";
import { linearProbability, linearSchema } from "../retrieval/answerability-model.js";
import { FOLLOW_UP_FEATURE_NAMES, type FollowUpFeatures } from "./follow-up-evidence.js";

/**
 * A logistic regression fitted by `npm run calibrate:followups` on the tuning follow-up sets: the probability that a
 * candidate of a follow-up the judgement was not sure of holds its answer, from the evidence of `followUpEvidence`.
 * Kept apart from the answerability model: it sees only follow-ups, and is refitted on its own, after that model (its
 * sentence scores are one of the features).
 */
export const followUpModelSchema = linearSchema.extend({
  version: z.literal(1),
  /** The probability at or above which the best candidate answers: chosen on held-out reports' follow-ups. */
  threshold: z.number(),
  fittedOn: z
    .object({
      turns: z.number(),
      reports: z.number(),
      candidates: z.number(),
      /** `shippedModelDigest()` of the answer model whose scores it was fitted on. */
      answerModel: z.string(),
    })
    .optional(),
});
export type FollowUpModel = z.infer<typeof followUpModelSchema>;

const MODEL_FILE = new URL("./model/follow-up.json", import.meta.url);

let shipped: FollowUpModel | undefined;

/** The model shipped with Dossier; it must list exactly the features this code computes. */
export function shippedFollowUpModel(): FollowUpModel {
  return (shipped ??= checkFollowUpModel(followUpModelSchema.parse(JSON.parse(readFileSync(MODEL_FILE, "utf8")))));
}

export function checkFollowUpModel(model: FollowUpModel): FollowUpModel {
  const fits = model.features.join() === FOLLOW_UP_FEATURE_NAMES.join() && [model.mean, model.scale, model.weights].every((a) => a.length === FOLLOW_UP_FEATURE_NAMES.length);
  if (!fits) throw new Error("The follow-up model does not match this code's features: run `npm run calibrate:followups`.");
  return model;
}

export function followUpProbability(model: FollowUpModel, features: FollowUpFeatures): number {
  return linearProbability(model, features);
}
