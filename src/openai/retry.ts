import pRetry from "p-retry";

/**
 * How failed model calls are retried. The calls themselves are made with LangChain's retries off: its backoff
 * (p-retry's, a second and doubling) cannot be shortened, so tests of the retry path waited on it for real.
 */
export interface RetryPolicy {
  retries: number;
  /** The first wait; each later one doubles, and each is stretched by a random factor between 1 and 2. */
  firstDelayMs: number;
}

/** The first wait a real server gets: a second, as LangChain and the openai client both use. */
export const FIRST_RETRY_DELAY_MS = 1_000;

/** Calls `attempt` until it succeeds, `shouldRetry` refuses the error, the retries run out or `signal` aborts. */
export function withRetries<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  shouldRetry: (error: unknown) => boolean,
  signal?: AbortSignal,
): Promise<T> {
  return pRetry(attempt, {
    retries: policy.retries,
    minTimeout: policy.firstDelayMs,
    factor: 2,
    randomize: true,
    shouldRetry: ({ error }) => shouldRetry(error),
    ...(signal ? { signal } : {}),
  });
}

/** The longest all waits between attempts can add up to (each up to twice its base). */
export function longestBackoffMs(policy: RetryPolicy): number {
  return policy.firstDelayMs * 2 * (2 ** policy.retries - 1);
}
