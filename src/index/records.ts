import type { SentenceSpan, SourceKind } from "../core/types.js";

/** One sentence of a report, addressed by a stable id (core/sentence-id.ts) while the report is unchanged. */
export interface SentenceRecord extends SentenceSpan {
  id: string;
  reportId: string;
  /** Position of the sentence within its report, from 0. */
  index: number;
}

/** A window of consecutive sentences; the unit the hybrid retriever ranks before sentences are ranked inside it. */
export interface ChunkRecord {
  id: string;
  reportId: string;
  /** Indexes of the first and last sentence in the window, inclusive. */
  firstSentence: number;
  lastSentence: number;
  text: string;
}

export interface ReportRecord {
  id: string;
  title: string;
  /**
   * The absolute path of the file the report was read from; once that file is gone, the report is dropped. Stored
   * relative to the corpus folder when it is in it (store/corpus-relative-sources.ts).
   */
  source: string;
  /** sha256 of the file's bytes: an unchanged hash means the report is not embedded again. */
  hash: string;
  sentenceCount: number;
  chunkCount: number;
  ingestedAt: string;
  /** What the report was extracted from; absent in indexes written before other formats were read (plain text). */
  origin?: ReportOrigin;
}

/** What a report's format tells about it, and what a citation needs to point back into the original. */
export interface ReportOrigin {
  kind: SourceKind;
  /** The web page's address (fetched, or named by a saved page). */
  url?: string;
  byline?: string;
  published?: string;
  /** PDF: the offset in the extracted text where each page begins. */
  pageStarts?: number[];
}

/** A file ingest refused, remembered so that an unchanged bad file does not make the index look stale at every start. */
export interface RefusedFile {
  source: string;
  /** Size and modification time (list-reports.ts `fingerprint`). */
  fingerprint: string;
  reason: string;
}

export interface Manifest {
  formatVersion: number;
  embedder: { name: string; dimensions: number };
  chunking: { sentences: number; overlap: number };
  /** The text analysis its sentences and stems were built by (text/analysis-version.ts); absent before it was recorded. */
  analysis?: number;
  reports: ReportRecord[];
  refused: RefusedFile[];
  /** Segments in age order, oldest first (segment.ts). */
  segments: SegmentRef[];
  /** sha256 of every segment file the generation uses, by path relative to the index folder. */
  checksums: Record<string, string>;
  updatedAt: string;
}

/** A segment a generation uses, and which of the reports in its files are live there (the others are deleted). */
export interface SegmentRef {
  name: string;
  /** Chunks in the segment's files, deleted reports' included. */
  chunks: number;
  reports: string[];
}

export const INDEX_FORMAT_VERSION = 4;
