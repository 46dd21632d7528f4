/** A sentence as offsets into the original text, so a citation is always an exact slice of the report. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** What a report was read from: plain text or Markdown, a PDF, a web page (fetched or saved HTML), a Word file. */
export type SourceKind = "text" | "pdf" | "web" | "docx";

/** Where a cited sentence sits in the original: the PDF page, or a link that opens the web page at the sentence. */
export interface CitationSource {
  kind: SourceKind;
  /** Web pages: the page's address with a text fragment (`#:~:text=`) that scrolls to and highlights the sentence. */
  url?: string;
  /** PDFs: the 1-based page the sentence starts on. */
  page?: number;
}

/** A cited source sentence: `text` is always exactly `report.slice(start, end)`, resolved by our code from its id. */
export interface Citation extends SentenceSpan {
  n: number;
  reportId: string;
  title: string;
  sentenceId: string;
  /** Where to find the sentence in the original: its PDF page, or a link to it in the web page. */
  source: CitationSource;
}
