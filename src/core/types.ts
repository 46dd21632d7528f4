/** A sentence as offsets into the original text, so a citation is always an exact slice of the report. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** A cited source sentence: `text` is always exactly `report.slice(start, end)`, resolved by our code from its id. */
export interface Citation extends SentenceSpan {
  n: number;
  reportId: string;
  title: string;
  sentenceId: string;
}
