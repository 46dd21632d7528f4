import type { SourceKind } from "../core/types.js";

/**
 * A report's text as Dossier indexes it, with what the document says about itself. Sentence offsets point into
 * `text`, so a citation is always `text.slice(start, end)` of this extracted text, whatever the original format.
 */
export interface ExtractedReport {
  kind: SourceKind;
  text: string;
  /** The document's own title (PDF info, HTML article title, Word core properties, a leading `# ` line). */
  title?: string;
  byline?: string;
  /** Publication date as the document gives it (ISO 8601 when it says so). */
  published?: string;
  /** The page's address, for web pages: citations link to the sentence there. */
  url?: string;
  /** PDF only: `pageStarts[i]` is the offset in `text` where page i + 1 begins. */
  pageStarts?: number[];
}

export interface ReadOptions {
  /** The address a web page was fetched from; it wins over what the page claims. */
  url?: string;
}

/** One format: which files and content types it takes, and how it turns their bytes into an ExtractedReport. */
export interface FormatReader {
  extensions: readonly string[];
  contentTypes: readonly string[];
  /** Raised when the reader extracts differently, so reports it read before are read again (part of their hash). */
  revision?: number;
  /** Throws DossierError BAD_REPORT with a one-line reason for input it cannot make a report of. */
  read(bytes: Uint8Array, name: string, options?: ReadOptions): Promise<ExtractedReport>;
}
