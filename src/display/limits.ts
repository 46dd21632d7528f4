/**
 * How much of an answer any front end shows. An answer is read, not archived: a cited sentence of 100 KB or a
 * runaway model reply is cut here with an ellipsis (the full sentence stays in the report, and Discord's "Show
 * context" and `--json` give more), so no answer floods a channel or a terminal.
 */
export const DISPLAY_LIMITS = {
  /** A quoted sentence under its [n]. */
  quoteChars: 600,
  /** A chat model's written answer, and its draft while it streams. */
  answerChars: 3000,
  /** The cited sentence in "Show context"; its neighbours get quoteChars / 2. */
  contextChars: 3000,
  /** Discord messages one reply may take (the reply and its follow-ups). */
  messages: 3,
} as const;
