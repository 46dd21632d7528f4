import { parseCli } from "../src/cli/parse-cli.js";
import { runMain } from "../src/cli/run-main.js";
import { collectRows, fitSentenceModel } from "./quality/fit-model.js";
import { offlineAsk, openCorpus } from "./quality/open-corpus.js";
import { PLACEHOLDER_MODEL } from "./quality/placeholder-model.js";
import { BANK_CORPUS, BANK_QUESTIONS, readQuestions, trainingQuestions } from "./quality/question-set.js";
import { crossValidatedRanking, formatRanking } from "./quality/ranking-figures.js";

const USAGE = `usage: npm run eval:ranking
For the question bank's answerable questions by kind, cross-validated by report: whether the supporting sentence is
among the candidates, first, or in the first three.`;

/**
 * The sentence model's objective, cross-validated by report: for the bank's answerable questions, is the supporting
 * sentence among the candidates, first, among the first three. The team's own sets only train.
 */
runMain(async () => {
  parseCli({}, USAGE);
  const corpus = await openCorpus(BANK_CORPUS);
  const rows = await collectRows(offlineAsk(corpus, PLACEHOLDER_MODEL).retrieve, trainingQuestions());
  const bank = new Set(readQuestions(BANK_QUESTIONS).map((q) => q.id));
  const scored = rows.filter((r) => bank.has(r.question.id));
  process.stdout.write(`${formatRanking(crossValidatedRanking(rows, scored, fitSentenceModel))}\n`);
  return 0;
});
