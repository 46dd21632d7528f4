import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { embedReportsAhead } from "../helpers/embed-ahead.js";
import { chatRates, measureChatContext } from "../helpers/measure-chat-context.js";
import { readQuestions } from "../helpers/perfect-reader.js";

const BANK = "tests/fixtures/bank";

// Floors under the figures in docs/chat-context.md (README "Quality"), so a change that hands the chat model less of
// what answers the question fails here: the question bank, its reports, the real embedding model and ranking, the
// real @langchain/openai client, and a perfect reader on 127.0.0.1 that answers exactly when it was handed the
// supporting sentence.
describe("chat-model mode with a perfect reader, on the question bank", () => {
  it("hands the model the supporting sentence, gets it back cited, and declines every unanswerable question", async () => {
    // Last to first: the question-bank and PostgreSQL files, on the other test worker, embed them first to last, so
    // each worker's encoder computes about half of them and takes the rest from the run's memo.
    // The bank's first two files (344 questions): chat-model asks are the suite's slowest, and `npm run eval:chat`
    // measures all of it; these floors guard the context against regressions.
    const questions = [...readQuestions(`${BANK}/questions-a.jsonl`), ...readQuestions(`${BANK}/questions-b.jsonl`)].reverse();
    await embedReportsAhead(readdirSync(`${BANK}/reports`).map((f) => `${BANK}/reports/${f}`), questions.map((q) => q.question));
    const budget = loadConfig({}).contextSentences;
    const [measurement] = await measureChatContext({ corpusDir: `${BANK}/reports`, questions, budgets: [budget] });
    const outcomes = measurement!.outcomes;
    const rates = chatRates(outcomes);
    expect(rates.answerable).toBeGreaterThan(200);
    expect(rates.recall).toBeGreaterThanOrEqual(0.95);
    expect(rates.answeredRight).toBeGreaterThanOrEqual(0.95);
    expect(rates.abstained).toBe(1);
    // What the perfect reader was handed, it answered with a citation our code resolved and verified.
    for (const o of outcomes.filter((o) => o.answerable)) expect(o.answeredRight).toBe(o.handedSupport);
    for (const kind of ["direct", "harder", "cross-report"]) {
      expect(chatRates(outcomes.filter((o) => o.question.kind === kind)).recall, kind).toBeGreaterThanOrEqual(0.95);
    }
    expect(chatRates(outcomes.filter((o) => o.question.kind === "reworded")).recall).toBeGreaterThanOrEqual(0.9);
  }, 300_000); // 344 chat-model asks: seconds on an idle machine, minutes on a loaded 2-core one (120 s was missed at load 6-9)
});
