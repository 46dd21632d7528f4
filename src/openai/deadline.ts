import type { Config } from "../config.js";
import { ModelDeadlineError } from "./model-failure.js";
import { longestBackoffMs, type RetryPolicy } from "./retry.js";

/** Room for what no timeout covers: connecting, reading a finished body, our own parsing. */
const DEADLINE_SLACK_MS = 1_000;

/**
 * The longest one model call (with all its retries) may take before we give up on it ourselves.
 *
 * Why we need one: the openai client's `timeout` only covers the wait for a reply's headers. Once a server has sent
 * headers (and perhaps a token) the body is read with no bound at all, so a server that stalls mid-reply would hold
 * the question forever, and in the bot a MAX_IN_FLIGHT slot with it.
 *
 * Why this size: a call that the client would still complete must not be cut short, and in the worst such case every
 * attempt (LLM_MAX_RETRIES + 1 of them) waits the full LLM_TIMEOUT_MS, with the longest backoff between them, plus a
 * second of slack: 67 s with the defaults. A stall mid-stream is caught much sooner by the idle timeout (LLM_TIMEOUT_MS
 * without a chunk); this bound ends a reply that never stalls but never finishes either, so a slow local model
 * writing long answers needs a larger LLM_TIMEOUT_MS.
 */
export function overallDeadlineMs(timeoutMs: number, retry: RetryPolicy, slackMs = DEADLINE_SLACK_MS): number {
  return timeoutMs * (retry.retries + 1) + longestBackoffMs(retry) + slackMs;
}

/** The longest one request (one attempt, reply body included) may take: LLM_TIMEOUT_MS and the slack. */
export function requestDeadlineMs(openai: Pick<Config["openai"], "timeoutMs" | "deadlineSlackMs">): number {
  return openai.timeoutMs + (openai.deadlineSlackMs ?? DEADLINE_SLACK_MS);
}

export interface DeadlineLimits {
  /** The overall bound, from `overallDeadlineMs`. */
  overallMs: number;
  /** Once `alive` has been called, the longest wait for the next call of it. */
  idleMs: number;
}

/**
 * Runs `call` under our two deadlines, both merged with the caller's signal into the one `call` gets:
 * overall (`limits.overallMs`), and idle once `alive` has been called (on each streamed chunk). When one of ours
 * expires the call fails with a ModelDeadlineError (a `timeout` failure); when the caller's signal aborts, the
 * call's own error is rethrown untouched.
 */
export async function withDeadline<T>(
  limits: DeadlineLimits,
  callerSignal: AbortSignal | undefined,
  call: (signal: AbortSignal, alive: () => void) => Promise<T>,
): Promise<T> {
  const overall = AbortSignal.timeout(limits.overallMs);
  const stalled = new AbortController();
  let idleTimer: NodeJS.Timeout | undefined;
  const alive = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => stalled.abort(), limits.idleMs);
  };
  const signal = AbortSignal.any([...(callerSignal ? [callerSignal] : []), overall, stalled.signal]);
  try {
    return await call(signal, alive);
  } catch (error) {
    if (callerSignal?.aborted) throw error;
    if (stalled.signal.aborted) {
      throw new ModelDeadlineError(`the reply stalled for more than ${limits.idleMs} ms`, { cause: error });
    }
    if (overall.aborted) throw new ModelDeadlineError(`no complete reply within ${limits.overallMs} ms`, { cause: error });
    throw error;
  } finally {
    clearTimeout(idleTimer);
  }
}

/** The limits for one call under `openai`'s settings and a retry policy. */
export function deadlineLimits(openai: Pick<Config["openai"], "timeoutMs" | "deadlineSlackMs">, retry: RetryPolicy): DeadlineLimits {
  return { overallMs: overallDeadlineMs(openai.timeoutMs, retry, openai.deadlineSlackMs), idleMs: openai.timeoutMs };
}

/**
 * A `fetch` for the openai client whose every request, reply body included, fails with a ModelDeadlineError once
 * `ms` have passed. For calls that take no signal of ours (LangChain's embeddings), so a server that sends headers
 * and stalls cannot hold an ingest forever. The timer is unref'd and left to run out: when the body has been read,
 * aborting its request does nothing.
 */
export function fetchWithDeadline(ms: number): typeof fetch {
  return (input, init) => {
    const deadline = new AbortController();
    setTimeout(() => deadline.abort(new ModelDeadlineError(`no complete reply within ${ms} ms`)), ms).unref();
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline.signal]) : deadline.signal;
    return fetch(input, { ...init, signal });
  };
}
