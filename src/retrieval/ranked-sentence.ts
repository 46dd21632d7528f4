import type { ReportRecord, SentenceRecord } from "../index/records.js";

/** A sentence the retriever judged relevant, best first. */
export interface RankedSentence {
  sentence: SentenceRecord;
  report: ReportRecord;
  score: number;
  /** The sentence just before it in its report, for answers whose best sentence opens with "it" or "however". */
  previous?: SentenceRecord;
  /** The sentence just after it in its report, where a yes/no question's "No injuries were reported." often is. */
  next?: SentenceRecord;
  /** Sentences to quote with it: the items of a list it introduces, the rest of a quotation it opens. */
  continuedBy?: SentenceRecord[];
}
