import type { AnswerabilityModel } from "../../src/retrieval/answerability-model.js";
import { collectRows, fitModel, type SentenceFits } from "./fit-model.js";
import { offlineAsk, type OpenCorpus } from "./open-corpus.js";
import { PLACEHOLDER_MODEL } from "./placeholder-model.js";
import { reportOf, trainingQuestions } from "./question-set.js";

/**
 * Report-level cross-validation's models: for a report, the model fitted on the training set `npm run calibrate`
 * uses, without that report's questions. Candidates are retrieved once; each model is fitted when asked for.
 */
export async function heldOutModels(corpus: OpenCorpus): Promise<(report: string) => AnswerabilityModel> {
  const rows = await collectRows(offlineAsk(corpus, PLACEHOLDER_MODEL).retrieve, trainingQuestions());
  const sentenceFits: SentenceFits = new Map();
  return (report) => fitModel(rows.filter((r) => reportOf(r.question) !== report), sentenceFits);
}
