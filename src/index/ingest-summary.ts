/** What an ingest reports back, report by report; the engine hands it to the front ends as it is. */

export interface SkippedFile {
  file: string;
  reason: string;
  /**
   * Refused for the same reason by the ingest before, its file unchanged since: no news to a start, which says only
   * what changed; an ingest someone asked for says every file it skipped.
   */
  saidBefore?: true;
}

export interface IngestedReport {
  id: string;
  title: string;
  status: "added" | "updated" | "unchanged";
  sentences: number;
  chunks: number;
  ms: number;
}

export interface IngestSummary {
  reports: IngestedReport[];
  removed: string[];
  /** Reports kept although their source file is gone: only an ingest of the folder that held it, or remove, drops one. */
  missing: Array<{ id: string; source: string }>;
  /** Reports whose copy in the index was damaged (a segment file failing its checksum), read again from their files. */
  repaired: string[];
  skipped: SkippedFile[];
  /**
   * Files found in a folder this ingest read that are of no report type, each with why: said, since a user who saved
   * a spreadsheet among the reports would otherwise not know it was not read, but not refused, since nobody named them.
   */
  ignored: SkippedFile[];
  /**
   * Whether any report was added, updated, removed, moved or read again: false when the index answers as it did
   * before, though the run may have written down the files it refused.
   */
  changed: boolean;
  /** With `refresh`: how many reports that came from a URL were fetched again (or tried); 0 when none came from one. */
  refreshed?: number;
  ms: number;
}

export interface IngestOptions {
  /** Called as each report is processed, for progress lines. */
  onReport?: (report: IngestedReport) => void;
}
