import type { Citation } from "../core/types.js";

export type { Citation } from "../core/types.js";

/**
 * How the answer was written: `extractive` quotes sentences; `llm` is a chat model's answer;
 * `extractive-fallback` means the chat model failed or broke the rules and the extractive answer stands in.
 */
export type AnswerMode = "extractive" | "llm" | "extractive-fallback";

export interface Timings {
  embedMs: number;
  retrieveMs: number;
  answerMs: number;
  totalMs: number;
}

/** An answer before timings are attached. Citations are resolved by our code, never copied from model output. */
export interface AnswerDraft {
  text: string;
  abstained: boolean;
  citations: Citation[];
  /** When abstaining: the closest passages, which may be related but are not a claimed answer. */
  related?: Citation[];
  mode: AnswerMode;
  note?: string;
}

/** What `ask()` returns and every front end formats. `text` carries `[n]` markers that index `citations`. */
export interface Answer extends AnswerDraft {
  question: string;
  /** What a follow-up was read as, when it leaned on earlier turns and was rewritten to stand on its own. */
  standaloneQuestion?: string;
  related: Citation[];
  timings: Timings;
}

export const ABSTAIN_TEXT = "I couldn't find that in the reports.";
/** Said instead when the question seems written in another language: the reports are searched in English. */
export const ABSTAIN_FOREIGN_TEXT = "I couldn't find that in the reports. I search them in English: try asking in English.";
/** Said when abstaining with `related` passages, which front ends show under it, apart from any citation. */
export const RELATED_TEXT = "I couldn't find a definite answer. These passages may be related:";
