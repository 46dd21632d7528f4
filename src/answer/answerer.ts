import type { RankedSentence } from "../retrieval/ranked-sentence.js";
import type { AnswerDraft } from "./answer.js";

export type { AnswerDraft } from "./answer.js";
export type { RankedSentence } from "../retrieval/ranked-sentence.js";

export interface AnswerRequest {
  question: string;
  /** Candidate sentences, best first; the answerer may cite only these (or `context`'s). */
  candidates: RankedSentence[];
  /**
   * For answerers that judge answerability themselves: a wide context, grouped by report in reading order (see
   * `wideContext`), which they read and cite instead of `candidates`. `candidates` is then what an offline
   * fallback may quote: empty when the offline judgement would have abstained.
   */
  context?: RankedSentence[];
  onToken?: (textSoFar: string) => void;
  signal?: AbortSignal;
}

export interface Answerer {
  readonly name: string;
  /** True for the chat model: it is handed a wide `context` and decides itself whether the reports answer. */
  readonly judgesAnswerability?: boolean;
  answer(request: AnswerRequest): Promise<AnswerDraft>;
}
