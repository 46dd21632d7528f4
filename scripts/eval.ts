import { parseCli } from "../src/cli/parse-cli.js";
import { runMain } from "../src/cli/run-main.js";
import { openEngine } from "../src/cli/open-engine.js";
import { loadConfig } from "../src/config.js";
import { readQuestionSet } from "../src/eval/read-question-set.js";
import { scoreQuestion, summarise, type EvalQuestion } from "../src/eval/score.js";

const USAGE = "usage: npm run eval -- [questions.jsonl] [--verbose]";

// A run below these fails (exit 1), so a quality regression cannot pass unnoticed.
const THRESHOLDS = { answerHitRate: 0.9, citationHitRate: 0.9, abstentionAccuracy: 0.9 };

runMain(async () => {
  const { values, positionals } = parseCli({ allowPositionals: true, options: { verbose: { type: "boolean", short: "v" } } }, USAGE);
  const file = positionals[0] ?? "tests/fixtures/dev-questions.jsonl";
  const questions = readQuestionSet<EvalQuestion>(file);
  const engine = await openEngine(loadConfig());
  const results = [];
  for (const q of questions) {
    const answer = await engine.ask(q.question);
    const result = scoreQuestion(q, answer);
    results.push(result);
    process.stdout.write(`${result.pass ? "PASS" : "FAIL"} ${q.id.padEnd(5)} ${q.question}\n`);
    if (!result.pass || values.verbose) process.stdout.write(`       ${result.detail}\n       → ${answer.text.slice(0, 300)}\n`);
  }
  const s = summarise(results);
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  process.stdout.write(
    `\n${s.passed}/${s.total} passed · answer hit rate ${pct(s.answerHitRate)} · citation hit rate ${pct(s.citationHitRate)} · ` +
      `abstention accuracy ${pct(s.abstentionAccuracy)} · median latency ${s.medianLatencyMs.toFixed(1)} ms\n`,
  );
  const ok = s.answerHitRate >= THRESHOLDS.answerHitRate && s.citationHitRate >= THRESHOLDS.citationHitRate && s.abstentionAccuracy >= THRESHOLDS.abstentionAccuracy;
  if (!ok) process.stderr.write(`eval: below thresholds ${JSON.stringify(THRESHOLDS)}\n`);
  return ok ? 0 : 1;
});
