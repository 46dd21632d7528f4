import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config.js";
import type { DossierEmbeddings } from "../../src/embeddings/embeddings-contract.js";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { createEngine } from "../../src/engine.js";
import type { AnswerabilityModel } from "../../src/retrieval/answerability-model.js";
import { scoreQuestion } from "../../scripts/quality/score.js";
import { startOpenAIStub } from "../e2e/openai-stub.js";
import { type BankQuestion, perfectReader } from "./perfect-reader.js";

/** What happened to one question in chat-model mode with a perfect reader behind it. */
export interface ChatOutcome {
  question: BankQuestion;
  answerable: boolean;
  /** The supporting sentence was among the sentences handed to the model. */
  handedSupport: boolean;
  /** Answered (by the model, not a fallback) with a citation holding the support. */
  answeredRight: boolean;
  abstained: boolean;
  /** Sentences the model was handed. */
  contextSize: number;
}

export interface ChatMeasurement {
  budget: number;
  outcomes: ChatOutcome[];
}

/**
 * Asks every question through the real engine in chat-model mode, the real @langchain/openai client talking to a
 * perfect reader on 127.0.0.1, once per CONTEXT_SENTENCES budget. The index is built once, with the real model.
 */
export async function measureChatContext(options: {
  corpusDir: string;
  questions: BankQuestion[];
  budgets: number[];
  embeddings?: DossierEmbeddings;
  /**
   * Questions grouped by `group` (their report) are asked through an engine ranking with `modelFor(group)`: a model
   * fitted without that report's questions, so the figures are cross-validated. Default: one engine, shipped model.
   */
  crossValidate?: { group: (q: BankQuestion) => string; modelFor: (group: string) => AnswerabilityModel };
}): Promise<ChatMeasurement[]> {
  const reader = perfectReader(options.questions);
  const stub = await startOpenAIStub({ respond: reader.respond });
  const dataDir = mkdtempSync(path.join(tmpdir(), "dossier-chat-context-"));
  const embeddings = options.embeddings ?? new LocalUseEmbeddings();
  try {
    const measurements: ChatMeasurement[] = [];
    for (const budget of options.budgets) {
      const config = loadConfig({
        CORPUS_DIR: options.corpusDir,
        DATA_DIR: dataDir,
        ANSWER_MODE: "llm",
        OPENAI_BASE_URL: stub.baseURL,
        OPENAI_API_KEY: "perfect-reader",
        CHAT_MODEL: "perfect-reader",
        LLM_MAX_RETRIES: "0",
        CONTEXT_SENTENCES: String(budget),
        LOG_LEVEL: "silent",
      });
      const cv = options.crossValidate;
      const groups = cv ? [...new Set(options.questions.map(cv.group))] : [undefined];
      const outcomes: ChatOutcome[] = [];
      for (const group of groups) {
        const engine = await createEngine(config, { embeddings, answerabilityModel: group === undefined ? undefined : cv!.modelFor(group) });
        for (const question of options.questions.filter((q) => group === undefined || cv!.group(q) === group)) {
          reader.readings.delete(question.id);
          const answer = await engine.ask(question.question);
          const reading = reader.readings.get(question.id);
          const answerable = question.answerable !== false;
          outcomes.push({
            question,
            answerable,
            handedSupport: reading?.handedSupport ?? false,
            // Scored as `npm run eval` scores a citation, and only when the model (not a fallback) answered.
            answeredRight: answer.mode === "llm" && scoreQuestion(question, answer).citationHit,
            abstained: answer.abstained && answer.citations.length === 0,
            contextSize: reading?.sources ?? 0,
          });
        }
        await engine.close();
      }
      // In the questions' order, whatever the grouping.
      const order = new Map(options.questions.map((q, i) => [q, i]));
      outcomes.sort((a, b) => order.get(a.question)! - order.get(b.question)!);
      measurements.push({ budget, outcomes });
    }
    if (reader.unknown.length > 0) throw new Error(`the perfect reader could not place ${reader.unknown.length} prompts`);
    return measurements;
  } finally {
    await stub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface ChatRates {
  answerable: number;
  unanswerable: number;
  /** Share of answerable questions whose supporting sentence reached the model. */
  recall: number;
  /** Share of answerable questions answered with the right citation. */
  answeredRight: number;
  /** Share of unanswerable questions abstained on. */
  abstained: number;
}

export function chatRates(outcomes: ChatOutcome[]): ChatRates {
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  const share = (xs: ChatOutcome[], test: (o: ChatOutcome) => boolean) =>
    xs.length === 0 ? 1 : xs.filter(test).length / xs.length;
  return {
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    recall: share(answerable, (o) => o.handedSupport),
    answeredRight: share(answerable, (o) => o.answeredRight),
    abstained: share(unanswerable, (o) => o.abstained),
  };
}
