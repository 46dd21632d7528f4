import { checkChatModel } from "../openai/chat-model.js";
import { type Config, usesChatModel } from "../config.js";
import { redactUrlCredentials } from "../display/safe-text.js";
import { DossierError } from "../errors.js";

/** What asking the configured chat model for one token showed. */
export type ModelCheck =
  | { status: "not-configured" }
  | { status: "ok"; model: string }
  /** `message` is one safe line (no key, no credentials in URLs); `cause` is for a debug log. */
  | { status: "failed"; message: string; cause?: unknown };

/**
 * Asks the configured chat model for one token, so a bad key, model name or URL shows at start rather than at the
 * first question. Never throws: a front end decides whether a failure matters (answers fall back to extractive).
 */
export async function checkModel(config: Config): Promise<ModelCheck> {
  if (!usesChatModel(config)) return { status: "not-configured" };
  try {
    await checkChatModel(config);
    return { status: "ok", model: config.openai.chatModel };
  } catch (err) {
    // checkChatModel throws one DossierError whose message is a safe single line; anything else is a bug of ours.
    if (err instanceof DossierError) return { status: "failed", message: redactUrlCredentials(err.message) };
    return { status: "failed", message: "the chat model start-up check failed unexpectedly", cause: err };
  }
}
