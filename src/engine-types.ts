import type { Answer } from "./answer/answer.js";
import type { Turn } from "./conversation/turn.js";
import type { ReportUpload } from "./engine/add-report.js";
import type { RemovedReport } from "./engine/remove-report.js";
import type { IngestedReport, IngestOptions, IngestSummary, SkippedFile } from "./index/ingest-summary.js";
import type { ReportRecord, SentenceRecord } from "./index/records.js";

export type { ReportRecord };
export type { IngestedReport, IngestOptions, IngestSummary, SkippedFile };

export interface AskOptions {
  /** Restrict the answer to these reports; unknown ids are an UNKNOWN_REPORT error. */
  reportIds?: string[];
  /**
   * Receives a chat model's reply as it is written, as an unchecked draft fit to show: its `[S#]` markers removed,
   * and only the head of a runaway reply (no effect in extractive mode). The checked answer follows.
   */
  onDraft?: (draft: string) => void;
  signal?: AbortSignal;
  /** Earlier turns of the conversation, oldest first: a follow-up is read as a standalone question in their light. */
  history?: readonly Turn[];
}

export interface ReportContext {
  report: ReportRecord;
  /** The cited sentence and up to `radius` sentences either side of it, in order. */
  sentences: SentenceRecord[];
}

/** The single engine every front end (Discord, REPL, CLI) calls. */
export interface Engine {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  reports(): ReportRecord[];
  context(sentenceId: string, radius?: number): ReportContext | undefined;
  /** Ingests files or folders incrementally and atomically, then answers from the new index at once. */
  ingest(paths: string[], options?: IngestOptions): Promise<IngestSummary>;
  /** Validates an uploaded report, saves it into the corpus folder and ingests it; on any failure nothing changes. */
  addReport(upload: ReportUpload): Promise<IngestedReport>;
  /** Fetches a report by URL (public addresses only, unless ALLOW_PRIVATE_URLS says otherwise) and ingests it. */
  addUrlReport(url: string): Promise<IngestedReport>;
  /**
   * Drops reports from the index (and their files from the corpus folder), atomically; answers stop citing them at
   * once. With any id unknown it removes none and says which in one line.
   */
  removeReports(ids: string[]): Promise<RemovedReport[]>;
  close(): Promise<void>;
}
