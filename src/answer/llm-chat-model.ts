import { HumanMessage } from "@langchain/core/messages";
import { ChatOpenAI, type ChatOpenAIFields } from "@langchain/openai";
import type { Config } from "../config.js";
import { DossierError } from "../errors.js";
import { describeModelFailure, modelUnavailableError, retryOnlyTransient } from "./llm-failure.js";

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
  const model = createChatModel({ ...config.openai, maxRetries: 0 }, { maxTokens: 1 });
  try {
    await model.invoke([new HumanMessage("Reply with OK.")]);
  } catch (error) {
    throw modelUnavailableError(describeModelFailure(error, config.openai));
  }
}
