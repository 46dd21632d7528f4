import type { RankedSentence } from "../retrieval/ranked-sentence.js";
import type { AnswerDraft } from "./answer.js";

export type { AnswerDraft } from "./answer.js";
export type { RankedSentence } from "../retrieval/ranked-sentence.js";

export interface AnswerRequest {
  question: string;
  /** Candidate sentences, best first; the answerer may cite only these. */
  candidates: RankedSentence[];
  onToken?: (textSoFar: string) => void;
  signal?: AbortSignal;
}

export interface Answerer {
  readonly name: string;
  answer(request: AnswerRequest): Promise<AnswerDraft>;
}
