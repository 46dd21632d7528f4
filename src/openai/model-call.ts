import type { Config } from "../config.js";
import { deadlineLimits, withDeadline } from "./deadline.js";
import { describeModelFailure } from "./model-failure.js";
import { type RetryPolicy, withRetries } from "./retry.js";

export interface ModelCallOptions {
  openai: Config["openai"];
  retry: RetryPolicy;
  signal?: AbortSignal | undefined;
  /** Asked before each retry beside the failure's kind, e.g. "no tokens were shown yet". */
  mayRetry?: () => boolean;
}

/**
 * One model call: attempts retried while their failure is transient, all of them under our deadlines (see
 * `withDeadline`); `attempt` gets the signal that ends it and the `alive` hook that restarts the idle timer.
 */
export function callModel<T>(
  options: ModelCallOptions,
  attempt: (signal: AbortSignal, alive: () => void) => Promise<T>,
): Promise<T> {
  const { openai, retry, mayRetry = () => true } = options;
  return withDeadline(deadlineLimits(openai, retry), options.signal, (signal, alive) =>
    withRetries(
      () => attempt(signal, alive),
      retry,
      (error) => mayRetry() && describeModelFailure(error, openai).transient,
      signal,
    ),
  );
}
