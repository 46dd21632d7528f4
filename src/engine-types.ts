import type { Answer } from "./answer/answer.js";
import type { Turn } from "./conversation/turn.js";
import type { ReportUpload } from "./engine/add-report.js";
import type { RemovedReport } from "./engine/remove-report.js";
import type { ReportRecord, SentenceRecord } from "./index/records.js";

export type { ReportRecord };

export interface AskOptions {
  /** Restrict the answer to these reports; unknown ids are an UNKNOWN_REPORT error. */
  reportIds?: string[];
  /** Receives the answer text as a chat model writes it (no effect in extractive mode). */
  onToken?: (textSoFar: string) => void;
  signal?: AbortSignal;
  /** Earlier turns of the conversation, oldest first: a follow-up is read as a standalone question in their light. */
  history?: readonly Turn[];
}

export interface SkippedFile {
  file: string;
  reason: string;
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
  skipped: SkippedFile[];
  /** False when nothing changed and the index on disk was left as it was. */
  changed: boolean;
  ms: number;
}

export interface IngestOptions {
  /** Called as each report is processed, for progress lines. */
  onReport?: (report: IngestedReport) => void;
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
  /** Drops a report from the index (and its file from the corpus folder), atomically; answers stop citing it at once. */
  removeReport(id: string): Promise<RemovedReport>;
  close(): Promise<void>;
}
