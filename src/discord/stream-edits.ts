import type { ChatInputCommandInteraction } from "discord.js";
import type { Logger } from "pino";
import { truncate } from "./embed-pages.js";
import { NO_MENTIONS } from "./replies.js";

/** Discord rate-limits message edits; about one a second keeps a streamed answer moving without hitting 429s. */
const EDIT_INTERVAL_MS = 1000;
const CONTENT_LIMIT = 2000;

export interface StreamEditor {
  onToken: (textSoFar: string) => void;
  /** Stops further edits and waits for the one in flight, so the final answer is never overwritten by a stale one. */
  finish: () => Promise<void>;
}

/** Shows a chat model's answer in the deferred reply as it is written, editing at most about once a second. */
export function streamEdits(interaction: ChatInputCommandInteraction, logger: Logger): StreamEditor {
  let latest = "";
  let shown = "";
  let lastEdit = 0;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();
  let finished = false;

  const edit = () => {
    timer = undefined;
    if (finished || latest === shown) return;
    shown = latest;
    lastEdit = Date.now();
    const content = truncate(`✍️ ${latest}`, CONTENT_LIMIT);
    inFlight = interaction
      .editReply({ content, allowedMentions: NO_MENTIONS })
      .catch((err: unknown) => logger.warn({ err }, "could not show the answer as it was written"));
  };

  return {
    onToken: (textSoFar) => {
      latest = textSoFar;
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
