import { parseCli } from "../src/cli/parse-cli.js";
import { openEngine } from "../src/cli/open-engine.js";
import { runMain } from "../src/cli/run-main.js";
import { loadConfig } from "../src/config.js";
import { readQuestionSet } from "./quality/read-question-set.js";
import { replayHistory } from "../src/engine/replay-history.js";
import { scoreFollowUp, summariseFollowUps, type FollowUpQuestion } from "./quality/score-follow-ups.js";
import { startOpenAIStub } from "../tests/e2e/openai-stub.js";
import { perfectRewriter } from "../tests/helpers/perfect-rewriter.js";

const USAGE = `usage: npm run eval:followups -- [followups.jsonl] [--verbose] [--gold] [--chat]
--gold asks each line's written standalone question with no history: what a perfect rewriter would reach.
--chat runs chat-model mode against a stub on 127.0.0.1 that rewrites and reads perfectly (tests/helpers/perfect-rewriter.ts).`;

// The bar: four follow-ups in five answered with the right citation, and no standalone question rewritten.
const THRESHOLDS = { passRate: 0.8, standaloneKept: 1 };

runMain(async () => {
  const { values, positionals } = parseCli({ allowPositionals: true, options: { verbose: { type: "boolean", short: "v" }, gold: { type: "boolean" }, chat: { type: "boolean" } } }, USAGE);
  const file = positionals[0] ?? "tests/fixtures/followups-dev.jsonl";
  const questions = readQuestionSet<FollowUpQuestion>(file);
  const model = values.chat ? perfectRewriter(questions) : undefined;
  const stub = model ? await startOpenAIStub({ respond: model.respond }) : undefined;
  const chatSettings = stub && { ANSWER_MODE: "llm", OPENAI_BASE_URL: stub.baseURL, OPENAI_API_KEY: "perfect", CHAT_MODEL: "perfect", EMBEDDINGS: "local", LLM_MAX_RETRIES: "0" };
  const engine = await openEngine(loadConfig(chatSettings && { ...process.env, ...chatSettings }));
  const results = [];
  for (const q of questions) {
    model?.enter(q.conversation);
    const answer = values.gold
      ? await engine.ask(q.standalone ?? q.question)
      : await engine.ask(q.question, { history: await replayHistory(engine, q.history) });
    const result = scoreFollowUp(q, answer);
    results.push(result);
    process.stdout.write(`${result.pass ? "PASS" : "FAIL"} ${q.id.padEnd(6)} ${q.question}\n`);
    if (!result.pass || values.verbose) {
      process.stdout.write(`       ${result.detail}\n       read as: ${answer.standaloneQuestion ?? "(as asked)"}\n       → ${answer.text.slice(0, 200)}\n`);
    }
  }
  const s = summariseFollowUps(results);
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  process.stdout.write(
    `\n${s.passed}/${s.total} passed (${pct(s.passRate)}) · right citation on ${pct(s.citationHitRate)} of answerable follow-ups · ` +
      `abstention accuracy ${pct(s.abstentionAccuracy)} · answered wrongly ${s.wrong} · standalone questions kept as asked ${s.standaloneKept}/${s.standaloneTotal} · ` +
      `follow-ups rewritten ${s.rewritten}/${s.leaning}\n`,
  );
  const ok = s.passRate >= THRESHOLDS.passRate && (s.standaloneTotal === 0 || s.standaloneKept / s.standaloneTotal >= THRESHOLDS.standaloneKept);
  if (!ok) process.stderr.write(`eval: below thresholds ${JSON.stringify(THRESHOLDS)}\n`);
  await engine.close();
  await stub?.close();
  return ok ? 0 : 1;
});
