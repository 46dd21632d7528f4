import { runMain } from "../src/cli/run-main.js";
import { collectRows, fitSentenceModel } from "./quality/fit-model.js";
import { offlineAsk, openCorpus } from "./quality/open-corpus.js";
import { PLACEHOLDER_MODEL } from "./quality/placeholder-model.js";
import { BANK_CORPUS, BANK_QUESTIONS, readQuestions, trainingQuestions } from "./quality/question-set.js";
import { crossValidatedRanking, formatRanking } from "./quality/ranking-figures.js";

/**
 * The sentence model's objective, cross-validated by report: for the bank's answerable questions, is the supporting
 * sentence among the candidates, first, among the first three. The team's own sets only train.
 */
runMain(async () => {
  const corpus = await openCorpus(BANK_CORPUS);
  const rows = await collectRows(offlineAsk(corpus, PLACEHOLDER_MODEL).retrieve, trainingQuestions());
  const bank = new Set(readQuestions(BANK_QUESTIONS).map((q) => q.id));
  const scored = rows.filter((r) => bank.has(r.question.id));
  process.stdout.write(`${formatRanking(crossValidatedRanking(rows, scored, fitSentenceModel))}\n`);
  return 0;
});
