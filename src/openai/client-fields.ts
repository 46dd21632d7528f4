import type { Config } from "../config.js";
import { apiKeyFor } from "./api-key.js";
import { FIRST_RETRY_DELAY_MS, type RetryPolicy } from "./retry.js";

/**
 * The fields ChatOpenAI and OpenAIEmbeddings are both built with. LangChain's retries are off (`withRetries` does
 * ours, so their waits can be set), and so is its failed-attempt hook, which would rename and re-stamp errors that
 * `describeModelFailure` reads.
 */
export function clientFields(openai: Config["openai"]) {
  return {
    apiKey: apiKeyFor(openai),
    configuration: { baseURL: openai.baseURL },
    timeout: openai.timeoutMs,
    maxRetries: 0,
    onFailedAttempt: () => {},
  };
}

/** LLM_MAX_RETRIES retries, starting from a second; tests pass a shorter first wait. */
export function retryPolicy(openai: Pick<Config["openai"], "maxRetries">, firstDelayMs = FIRST_RETRY_DELAY_MS): RetryPolicy {
  return { retries: openai.maxRetries, firstDelayMs };
}
