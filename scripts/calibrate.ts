import { writeFileSync } from "node:fs";
import { parseCli } from "../src/cli/parse-cli.js";
import { runMain } from "../src/cli/run-main.js";
import { collectRows, fitModel } from "./quality/fit-model.js";
import { offlineAsk, openCorpus } from "./quality/open-corpus.js";
import { PLACEHOLDER_MODEL } from "./quality/placeholder-model.js";
import { BANK_CORPUS, trainingQuestions } from "./quality/question-set.js";

const MODEL_FILE = "src/retrieval/model/answerability.json";
const USAGE = `usage: npm run calibrate
Fits the answerability model on the question bank and writes ${MODEL_FILE}; then run npm run calibrate:followups.`;

/** Fits the answerability model on the question bank and writes it where retrieval loads it. */
runMain(async () => {
  // Any argument is refused before fitting: --help used to fit and overwrite the shipped model.
  parseCli({}, USAGE);
  const corpus = await openCorpus(BANK_CORPUS);
  const { retrieve } = offlineAsk(corpus, PLACEHOLDER_MODEL);
  const rows = await collectRows(retrieve, trainingQuestions());
  const model = fitModel(rows);
  // Six significant digits keep the file small and readable without changing a decision.
  const json = JSON.stringify(model, (_, v) => (typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v), 2);
  writeFileSync(MODEL_FILE, `${json}\n`);
  process.stdout.write(`${MODEL_FILE}: ${model.fittedOn!.questions} questions, ${model.fittedOn!.reports} reports, ${model.fittedOn!.sentences} sentences\n`);
  process.stdout.write("sentence model weights:\n");
  model.sentence.features.forEach((f, i) => process.stdout.write(`  ${f.padEnd(16)} ${model.sentence.weights[i]!.toFixed(3)}\n`));
  const used = model.answer.stumps.map((s) => model.answer.features[s.feature]);
  process.stdout.write(`answer model: ${model.answer.stumps.length} stumps on ${[...new Set(used)].join(", ")}\n`);
  process.stdout.write(`thresholds: answer ${model.thresholds.answer.toFixed(3)}, related passages from similarity ${model.thresholds.relatedSimilarity.toFixed(2)}\n`);
});
