import type { Config } from "../config.js";
import { apiKeyFor } from "./api-key.js";
import { boundedFetch } from "./bounded-fetch.js";
import { FIRST_RETRY_DELAY_MS, type RetryPolicy } from "./retry.js";

/**
 * The fields ChatOpenAI and OpenAIEmbeddings are both built with. LangChain's retries are off (`withRetries` does
 * ours, so their waits can be set), and so is its failed-attempt hook, which would rename and re-stamp errors that
 * `describeModelFailure` reads. Every reply is cut at `maxReplyBytes` while it is read (see `boundedFetch`), so no
 * client of a model server can be built without that bound; `transport` is the fetch underneath it.
 */
export function clientFields(openai: Config["openai"], maxReplyBytes: number, transport: typeof fetch = fetch) {
  return {
    apiKey: apiKeyFor(openai),
    configuration: { baseURL: openai.baseURL, fetch: boundedFetch(maxReplyBytes, transport) },
    timeout: openai.timeoutMs,
    maxRetries: 0,
    onFailedAttempt: () => {},
  };
}

/** LLM_MAX_RETRIES retries, starting from a second; tests pass a shorter first wait. */
export function retryPolicy(openai: Pick<Config["openai"], "maxRetries">, firstDelayMs = FIRST_RETRY_DELAY_MS): RetryPolicy {
  return { retries: openai.maxRetries, firstDelayMs };
}
