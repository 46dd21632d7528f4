import { existsSync, writeFileSync } from "node:fs";
import { parseCli } from "../src/cli/parse-cli.js";
import { runMain } from "../src/cli/run-main.js";
import { chatRates, type ChatMeasurement, measureChatContext } from "../tests/helpers/measure-chat-context.js";
import { readQuestions } from "../tests/helpers/perfect-reader.js";
import { heldOutModels } from "./quality/held-out-models.js";
import { openCorpus } from "./quality/open-corpus.js";
import { BANK_CORPUS, BANK_QUESTIONS, reportOf } from "./quality/question-set.js";

const USAGE = `usage: npm run eval:chat -- [questions.jsonl...] [--corpus <dir>] [--budgets 8,16,24,32,40,48] [--cv] [--write <file.md>] [--misses]
  --cv: each report's questions ranked by a model fitted without them (report-level cross-validation).`;
const BANK = "tests/fixtures/bank";

/**
 * Chat-model mode measured with a perfect reader (tests/helpers/perfect-reader.ts) behind OPENAI_BASE_URL: for each
 * CONTEXT_SENTENCES budget, how often the supporting sentence reaches the model, how often the answer comes back
 * with the right citation, and how often unanswerable questions are declined. Prints aggregates only unless
 * --misses is given, so it can be run on a sealed set without showing its questions.
 */
runMain(async () => {
  const { values, positionals } = parseCli(
    {
      allowPositionals: true,
      options: {
        corpus: { type: "string" },
        budgets: { type: "string", default: "8,16,24,32,40,48" },
        write: { type: "string" },
        misses: { type: "boolean", default: false },
        cv: { type: "boolean", default: false },
      },
    },
    USAGE,
  );
  const useBank = positionals.length === 0 && existsSync(`${BANK}/reports`);
  const files = positionals.length > 0 ? positionals : useBank ? BANK_QUESTIONS.filter(existsSync) : ["tests/fixtures/reworded-questions.jsonl"];
  const corpusDir = values.corpus ?? (useBank ? `${BANK}/reports` : "corpus");
  const budgets = values.budgets.split(",").map((b) => Number(b.trim()));
  if (budgets.some((b) => !Number.isInteger(b) || b < 1)) throw new Error(`--budgets must be positive whole numbers\n${USAGE}`);
  const questions = files.flatMap(readQuestions);

  const measurements = await measureChatContext({ corpusDir, questions, budgets, crossValidate: values.cv ? await crossValidation() : undefined });
  const report = formatReport(measurements, `${files.join(", ")} on ${corpusDir}`, values.cv);
  process.stdout.write(report);
  if (values.misses) {
    for (const { budget, outcomes } of measurements) {
      for (const o of outcomes.filter((o) => (o.answerable ? !o.answeredRight : !o.abstained))) {
        process.stdout.write(`${budget}\t${o.question.id}\t${o.handedSupport ? "handed" : "not handed"}\t${o.question.question}\n`);
      }
    }
  }
  if (values.write) writeFileSync(values.write, report);
});

/** Each report's questions ranked by a model fitted without them. */
async function crossValidation() {
  return { group: reportOf, modelFor: await heldOutModels(await openCorpus(BANK_CORPUS)) };
}

function formatReport(measurements: ChatMeasurement[], source: string, crossValidated: boolean): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const first = chatRates(measurements[0]?.outcomes ?? []);
  const lines = [
    "# Chat-model mode: what reaches the model",
    "",
    "Written by `npm run eval:chat` (scripts/eval-chat.ts). Every question is asked through the real engine in",
    "chat-model mode, with the real embedding model and ranking and the real @langchain/openai client talking to a",
    "*perfect reader* on 127.0.0.1 (tests/helpers/perfect-reader.ts): a stand-in model that knows each question's",
    "supporting text and answers, citing that sentence's id, exactly when a sentence it was handed holds it, and",
    "says the reports do not answer otherwise. Its misses are therefore exactly the questions whose supporting",
    "sentence our context left out; a real model can only do worse.",
    "",
    crossValidated
      ? "Cross-validated by report (`--cv`): each report's questions are ranked by a sentence model fitted without them."
      : "Ranked by the shipped model, which was fitted on the bank: in-sample for the bank's questions (`--cv` is not).",
    "",
    `Questions: ${source}; ${first.answerable} answerable and ${first.unanswerable} unanswerable.`,
    "",
    "| CONTEXT_SENTENCES | support reaches the model | answered with the right citation | unanswerable declined |",
    "|---|---|---|---|",
    ...measurements.map(({ budget, outcomes }) => {
      const r = chatRates(outcomes);
      return `| ${budget} | ${pct(r.recall)} | ${pct(r.answeredRight)} | ${pct(r.abstained)} |`;
    }),
    "",
  ];
  const kinds = [...new Set(measurements[0]?.outcomes.map((o) => o.question.kind ?? "all"))];
  const recallOf = (outcomes: ChatMeasurement["outcomes"], kind: string) => {
    const answerable = outcomes.filter((o) => o.answerable && (o.question.kind ?? "all") === kind);
    return answerable.length ? pct(answerable.filter((o) => o.handedSupport).length / answerable.length) : "–";
  };
  lines.push(
    "Supporting sentence reaching the model, by kind of question (unanswerable kinds have none):",
    "",
    `| kind | questions | ${measurements.map((m) => m.budget).join(" | ")} |`,
    `|---|---|${measurements.map(() => "---").join("|")}|`,
    ...kinds.map((kind) => {
      const count = measurements[0]!.outcomes.filter((o) => (o.question.kind ?? "all") === kind).length;
      return `| ${kind} | ${count} | ${measurements.map((m) => recallOf(m.outcomes, kind)).join(" | ")} |`;
    }),
    "",
  );
  return `${lines.join("\n")}\n`;
}
