import { draftText } from "../answer/chat/draft-text.js";
import { DISPLAY_LIMITS } from "../display/limits.js";

/**
 * Turns a chat model's raw stream into the drafts `AskOptions.onDraft` promises, so no front end needs to know the
 * model's `[S#]` marker syntax. Only the head of a runaway reply is looked at, so each token costs the same however
 * long the reply grows.
 */
export function draftStream(onDraft: ((draft: string) => void) | undefined): ((raw: string) => void) | undefined {
  return onDraft && ((raw) => onDraft(draftText(raw.slice(0, DISPLAY_LIMITS.answerChars))));
}
