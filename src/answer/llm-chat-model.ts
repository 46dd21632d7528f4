import { HumanMessage } from "@langchain/core/messages";
import { ChatOpenAI, type ChatOpenAIFields } from "@langchain/openai";
import type { Config } from "../config.js";
import { DossierError } from "../errors.js";
import { describeModelFailure, ModelDeadlineError, modelUnavailableError, retryOnlyTransient } from "./llm-failure.js";

/**
 * The ChatOpenAI client every chat call goes through. Retries are LangChain's (bounded by LLM_MAX_RETRIES, with
 * exponential backoff from about a second); the openai client's own retries stay off so they do not multiply.
 */
export function createChatModel(openai: Config["openai"], overrides: ChatOpenAIFields = {}): ChatOpenAI {
  return new ChatOpenAI({
    model: openai.chatModel,
    apiKey: apiKeyFor(openai),
    configuration: { baseURL: openai.baseURL },
    timeout: openai.timeoutMs,
    maxRetries: openai.maxRetries,
    temperature: 0,
    // Some compatible servers reject `stream_options`; we have no use for token counts.
    streamUsage: false,
    onFailedAttempt: retryOnlyTransient(openai),
    ...overrides,
  });
}

/** LangChain's first retry waits about this long (p-retry's minTimeout), doubling for each later retry. */
const FIRST_BACKOFF_MS = 1_000;
/** p-retry multiplies each wait by a random factor between 1 and 2. */
const BACKOFF_JITTER = 2;
/** Room for what no timeout above covers: connecting, reading a finished body, our own parsing. */
const DEADLINE_SLACK_MS = 1_000;

/**
 * The longest one chat call (with all its retries) may take before we give up on it ourselves.
 *
 * Why we need one: the openai client's `timeout` only covers the wait for a reply's headers. Once a server has sent
 * headers (and perhaps a token) the body is read with no bound at all, so a server that stalls mid-reply would hold
 * the question forever, and in the bot a MAX_IN_FLIGHT slot with it.
 *
 * Why this size: a call that the client would still complete must not be cut short, and in the worst such case every
 * attempt (LLM_MAX_RETRIES + 1 of them) waits the full LLM_TIMEOUT_MS and LangChain backs off before each retry
 * (about 1 s, 2 s, 4 s … each up to twice that with jitter). So: LLM_TIMEOUT_MS × (retries + 1) + the longest total
 * backoff + a second of slack; 67 s with the defaults. A stall mid-stream is caught much sooner by the idle timeout
 * (LLM_TIMEOUT_MS without a chunk); this bound is what ends a reply that never stalls but never finishes either, so
 * a slow local model writing long answers needs a larger LLM_TIMEOUT_MS.
 */
export function overallDeadlineMs(openai: Pick<Config["openai"], "timeoutMs" | "maxRetries">): number {
  const attempts = openai.maxRetries + 1;
  const backoff = FIRST_BACKOFF_MS * BACKOFF_JITTER * (2 ** openai.maxRetries - 1);
  return openai.timeoutMs * attempts + backoff + DEADLINE_SLACK_MS;
}

/** Local servers ignore the key, but the openai client refuses to start without one. */
export function apiKeyFor(openai: Config["openai"]): string {
  if (openai.apiKey !== undefined) return openai.apiKey;
  if (openai.baseURL !== undefined) return "not-needed";
  throw new DossierError(
    "MODEL_UNAVAILABLE",
    "A chat model needs OPENAI_API_KEY, or OPENAI_BASE_URL for a local OpenAI-compatible server.",
  );
}

/**
 * A cheap startup probe: one completion capped at a single token, which exercises the key, the base URL and the
 * model name together (a models list would not prove the model answers). Throws one MODEL_UNAVAILABLE DossierError.
 */
export async function checkChatModel(config: Pick<Config, "openai">): Promise<void> {
  const openai = { ...config.openai, maxRetries: 0 };
  const model = createChatModel(openai, { maxTokens: 1 });
  // Bounded by our own deadline too: a server that sends headers and stalls must not hang start-up.
  const deadlineMs = overallDeadlineMs(openai);
  const deadline = AbortSignal.timeout(deadlineMs);
  try {
    await model.invoke([new HumanMessage("Reply with OK.")], { signal: deadline });
  } catch (error) {
    const reason = deadline.aborted ? new ModelDeadlineError(`no complete reply within ${deadlineMs} ms`) : error;
    throw modelUnavailableError(describeModelFailure(reason, config.openai));
  }
}
