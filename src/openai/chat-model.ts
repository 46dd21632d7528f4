import { HumanMessage } from "@langchain/core/messages";
import { ChatOpenAI, type ChatOpenAIFields } from "@langchain/openai";
import type { Config } from "../config.js";
import { clientFields, retryPolicy } from "./client-fields.js";
import { deadlineLimits, withDeadline } from "./deadline.js";
import { describeModelFailure, modelUnavailableError } from "./model-failure.js";

/**
 * Most bytes a chat reply may have: a streamed token comes wrapped in a couple of hundred bytes of JSON, so a kilobyte
 * a token of CHAT_MAX_TOKENS (and never under 256 KB) is room for any honest reply, and none for a runaway one.
 */
export function chatReplyLimit(maxTokens: number): number {
  return Math.max(256 * 1024, maxTokens * 1024);
}

/** The ChatOpenAI client every chat call goes through; retries are ours (see `withRetries`). */
export function createChatModel(openai: Config["openai"], overrides: ChatOpenAIFields = {}): ChatOpenAI {
  return new ChatOpenAI({
    ...clientFields(openai, chatReplyLimit(overrides.maxTokens ?? openai.maxTokens)),
    model: openai.chatModel,
    temperature: 0,
    // Some compatible servers reject `stream_options`; we have no use for token counts.
    streamUsage: false,
    ...overrides,
  });
}

/**
 * A cheap startup probe: one completion capped at a single token, which exercises the key, the base URL and the
 * model name together (a models list would not prove the model answers). Throws one MODEL_UNAVAILABLE DossierError.
 * Bounded by our own deadline too: a server that sends headers and stalls must not hang start-up.
 */
export async function checkChatModel(config: Pick<Config, "openai">): Promise<void> {
  const model = createChatModel(config.openai, { maxTokens: 1 });
  try {
    await withDeadline(deadlineLimits(config.openai, retryPolicy({ maxRetries: 0 })), undefined, (signal) =>
      model.invoke([new HumanMessage("Reply with OK.")], { signal }),
    );
  } catch (error) {
    throw modelUnavailableError(describeModelFailure(error, config.openai));
  }
}
