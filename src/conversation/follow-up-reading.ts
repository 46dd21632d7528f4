import type { Turn } from "./turn.js";

/** How a question was understood in its conversation. */
export interface FollowUpReading {
  /** The question retrieval and the answerer see: the follow-up made standalone, or the question as asked. */
  question: string;
  /** False when the question stands on its own and is answered exactly as asked. */
  rewritten: boolean;
  /** The report the previous answer came from: its sentences rank a little higher (a preference, not a filter). */
  preferredReportId?: string;
  /**
   * For an elliptic follow-up read in the previous question's shape ("and Pakistan's?" → "Who is Pakistan's Defence
   * Minister?"), the new subject it typed ("Pakistan's"): all of the question's own words, and what its answer must say.
   */
  ellipsisSubject?: string;
}

/** Reads a question in the light of the conversation's earlier turns. */
export interface FollowUpRewriter {
  readonly name: string;
  read(question: string, history: readonly Turn[], signal?: AbortSignal): Promise<FollowUpReading>;
}

/** How a carried context is written after the question, so a reader sees what was added (and it can be removed). */
const CONTEXT = /\s*\(context: [^)]*\)\s*$/;

/** A question with the words carried from the conversation written after it: "How long did they last? (context: …)". */
export function withContext(question: string, words: readonly string[]): string {
  return words.length > 0 ? `${question} (context: ${words.join(", ")})` : question;
}

/** The question without a context we added to it. */
export function coreOf(question: string): string {
  return question.replace(CONTEXT, "");
}
