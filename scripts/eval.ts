import { writeFileSync } from "node:fs";
import { parseCli } from "../src/cli/parse-cli.js";
import { runMain } from "../src/cli/run-main.js";
import type { Answer } from "../src/answer/answer.js";
import { BANK_CORPUS, BANK_QUESTIONS, readQuestions, reportOf } from "./quality/question-set.js";
import { figuresByKind, formatFigures, questionOutcome } from "./quality/report.js";
import { type EvalQuestion, type EvalResult, scoreQuestion, summarise } from "./quality/score.js";

const USAGE = `usage: npm run eval -- [questions.jsonl...] [--corpus <folder>]... [--bank] [--cv] [--json <file>] [--verbose]
  default: the dev set over corpus/; --bank: the question bank over corpus/ and tests/fixtures/bank/reports;
  --cv: leave-one-report-out (each report's questions answered by a model fitted without them).`;

runMain(async () => {
  const { values, positionals } = parseCli(
    {
      allowPositionals: true,
      options: {
        corpus: { type: "string", multiple: true },
        bank: { type: "boolean" },
        cv: { type: "boolean" },
        json: { type: "string" },
        verbose: { type: "boolean", short: "v" },
      },
    },
    USAGE,
  );
  // Loaded after the arguments are checked, so --help and usage errors answer at once: the engine and the model's
  // runtime are most of a second of CPU.
  const [{ heldOutModels }, { offlineAsk, openCorpus }] = await Promise.all([import("./quality/held-out-models.js"), import("./quality/open-corpus.js")]);
  const files = positionals.length > 0 ? positionals : values.bank ? BANK_QUESTIONS : ["tests/fixtures/dev-questions.jsonl"];
  const corpusDirs = values.corpus ?? (values.bank ? BANK_CORPUS : ["corpus"]);
  const questions = readQuestions(files);
  const corpus = await openCorpus(corpusDirs);

  const answers = new Map<EvalQuestion, Answer>();
  if (values.cv) {
    const modelWithout = await heldOutModels(corpus);
    for (const report of new Set(questions.map(reportOf))) {
      const { ask } = offlineAsk(corpus, modelWithout(report));
      for (const q of questions.filter((q) => reportOf(q) === report)) answers.set(q, await ask(q.question));
    }
  } else {
    const { ask } = offlineAsk(corpus);
    for (const q of questions) answers.set(q, await ask(q.question));
  }

  const results: EvalResult[] = [];
  for (const q of questions) {
    const answer = answers.get(q)!;
    const result = scoreQuestion(q, answer);
    results.push(result);
    if (!result.pass || values.verbose) {
      process.stdout.write(`${result.pass ? "PASS" : "FAIL"} ${q.id.padEnd(8)} ${q.kind ?? ""} ${q.question}\n`);
      process.stdout.write(`       ${result.detail}\n       → ${answer.text.slice(0, 300)}\n`);
    }
  }
  const s = summarise(results);
  const figures = figuresByKind(results, (r) => answers.get(r.question)!.abstained);
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  process.stdout.write(
    `\n${s.passed}/${s.total} passed · answer hit rate ${pct(s.answerHitRate)} · citation hit rate ${pct(s.citationHitRate)} · ` +
      `abstention accuracy ${pct(s.abstentionAccuracy)} · median latency ${s.medianLatencyMs.toFixed(1)} ms` +
      `${values.cv ? " · leave-one-report-out cross-validation" : ""}\n\n${formatFigures(figures)}\n`,
  );
  if (values.json) {
    // Each question's outcome, without timings: two runs of the same commit on the same data must give the same lines.
    const outcomes = results.map(({ question: q }) => questionOutcome(q.id, answers.get(q)!));
    const run = { files, corpus: corpusDirs, crossValidated: Boolean(values.cv), summary: s, ...figures, outcomes };
    writeFileSync(values.json, `${JSON.stringify(run, null, 2)}\n`);
  }
  if (positionals.length > 0 || values.bank) return 0;
  // The dev set fails on a wrong answer only: it is training data now (13/20, the rest "not sure" with the answer
  // among the passages), and the test suite's floors guard the figures; a confident citation that does not hold the
  // answer is the one thing no change may bring. A share of answers it once had to reach (90 %) failed every run.
  const wrong = results.filter((r) => r.wrong).length;
  if (wrong > 0) process.stderr.write(`eval: ${wrong} of the dev set's questions answered with a citation that does not hold the answer\n`);
  return wrong === 0 ? 0 : 1;
});
