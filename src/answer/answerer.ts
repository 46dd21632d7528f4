import type { ReportRecord, SentenceRecord } from "../index/records.js";
import type { AnswerMode, Citation } from "./answer.js";

/** A sentence the retriever judged relevant, best first. */
export interface RankedSentence {
  sentence: SentenceRecord;
  report: ReportRecord;
  score: number;
  /** The sentence just before it in its report, for answers whose best sentence opens with "it" or "however". */
  previous?: SentenceRecord;
}

export interface AnswerRequest {
  question: string;
  /** Candidate sentences, best first; the answerer may cite only these. */
  candidates: RankedSentence[];
  onToken?: (textSoFar: string) => void;
  signal?: AbortSignal;
}

/** An answer before timings are attached. Citations are resolved by our code, never copied from model output. */
export interface AnswerDraft {
  text: string;
  abstained: boolean;
  citations: Citation[];
  mode: AnswerMode;
  note?: string;
}

export interface Answerer {
  readonly name: string;
  answer(request: AnswerRequest): Promise<AnswerDraft>;
}
