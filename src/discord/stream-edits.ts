import type { ChatInputCommandInteraction, ModalSubmitInteraction } from "discord.js";
import type { Logger } from "pino";
import { shorten } from "../display/safe-text.js";
import { discordText } from "./markdown.js";
import { CONTENT_LIMIT, NO_MENTIONS } from "./replies.js";

/** Discord rate-limits message edits; about one a second keeps a streamed answer moving without hitting 429s. */
const EDIT_INTERVAL_MS = 1000;
/** Heads every draft: what is shown while streaming has not been verified, and must not read as a cited answer. */
export const DRAFT_LABEL = "✍️ Drafting an answer (citations are checked when it's done)…";

/**
 * The message content for a streamed draft (the engine has already taken out its `[S#]` markers): the label, then
 * the text escaped and without links (nothing is cited yet).
 */
export function draftContent(text: string): string {
  const draft = discordText(text);
  return draft === "" ? DRAFT_LABEL : `${DRAFT_LABEL}\n${shorten(draft, CONTENT_LIMIT - DRAFT_LABEL.length - 1)}`;
}

export interface StreamEditor {
  onDraft: (draft: string) => void;
  /** Stops further edits and waits for the one in flight, so the final answer is never overwritten by a stale one. */
  finish: () => Promise<void>;
}

/**
 * Shows a chat model's answer in the deferred reply as it is written, editing at most about once a second. The
 * draft is unverified, so it is labelled as such and shows no source markers; the verified answer replaces it.
 */
export function streamEdits(interaction: ChatInputCommandInteraction | ModalSubmitInteraction, logger: Logger): StreamEditor {
  let latest = "";
  let shown = "";
  let lastEdit = 0;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();
  let finished = false;

  const edit = () => {
    timer = undefined;
    const content = draftContent(latest);
    if (finished || content === shown) return;
    shown = content;
    lastEdit = Date.now();
    inFlight = interaction
      .editReply({ content, allowedMentions: NO_MENTIONS })
      .catch((err: unknown) => logger.warn({ err }, "could not show the answer as it was written"));
  };

  return {
    onDraft: (draft) => {
      latest = draft;
      if (finished || timer) return;
      timer = setTimeout(edit, Math.max(0, lastEdit + EDIT_INTERVAL_MS - Date.now()));
    },
    finish: async () => {
      finished = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
