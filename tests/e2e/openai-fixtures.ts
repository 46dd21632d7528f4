import type { Answerer } from "../../src/answer/answerer.js";
import path from "node:path";
import { type Config, loadConfig } from "../../src/config.js";

/** Stands in for the extractive answerer: quotes the best candidate, so a fallback is easy to recognise. */
export const quotingFallback: Answerer = {
  name: "test-extractive",
  answer: async ({ candidates }) => {
    const best = candidates[0];
    if (!best) return { text: "I couldn't find that in the reports.", abstained: true, citations: [], mode: "extractive" };
    return {
      text: `${best.sentence.text} [1]`,
      abstained: false,
      mode: "extractive",
      citations: [{ n: 1, reportId: best.report.id, title: best.report.title, sentenceId: best.sentence.id, text: best.sentence.text, start: best.sentence.start, end: best.sentence.end, source: { kind: "text" } }],
    };
  },
};

export function openaiConfig(baseURL: string, overrides: Partial<Config["openai"]> = {}): Pick<Config, "openai"> {
  return { openai: { apiKey: "test-key", baseURL, chatModel: "stub-chat", timeoutMs: 2_000, maxRetries: 0, maxTokens: 800, ...overrides } };
}

/** Configuration for a corpus in `dir` with embeddings and chat both served by the stub at `baseURL`. */
export function stubServedConfig(dir: string, baseURL: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    CORPUS_DIR: path.join(dir, "corpus"),
    DATA_DIR: path.join(dir, "data"),
    EMBEDDINGS: "openai",
    EMBEDDING_MODEL: "stub-embed",
    OPENAI_API_KEY: "test-key",
    OPENAI_BASE_URL: baseURL,
    CHAT_MODEL: "stub-chat",
    LLM_TIMEOUT_MS: "1000",
    LLM_MAX_RETRIES: "0",
    LOG_LEVEL: "silent",
    ...env,
  });
}
