/** A cited source sentence: `text` is always exactly `report.slice(start, end)`, resolved by our code from its id. */
export interface Citation {
  n: number;
  reportId: string;
  title: string;
  sentenceId: string;
  text: string;
  start: number;
  end: number;
}

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

/** What `ask()` returns and every front end formats. `text` carries `[n]` markers that index `citations`. */
export interface Answer {
  question: string;
  text: string;
  abstained: boolean;
  citations: Citation[];
  mode: AnswerMode;
  /** Why the chat model was not used, when `mode` is `extractive-fallback`. */
  note?: string;
  timings: Timings;
}

export const ABSTAIN_TEXT = "I couldn't find that in the reports.";
