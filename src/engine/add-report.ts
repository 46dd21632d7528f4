import type { Config } from "../config.js";
import type { IngestedReport, IngestSummary } from "../engine-types.js";
import { errorCode } from "../core/error-code.js";
import { DossierError } from "../errors.js";
import { precheckReport } from "../formats/read-format.js";
import { downloadAttachment } from "../net/fetch-report.js";
import { pathProblem } from "./path-problem.js";
import { checkReportSize, reportFileName } from "./report-file.js";
import type { IngestJobOptions } from "./ingest-runner.js";

/**
 * A report file handed over by a front end (an upload), not yet in the corpus folder: its bytes, or the address of
 * a chat attachment, which is downloaded here from the chat service's attachment hosts only.
 */
export type ReportUpload = {
  /** The name it came with; the report id and the saved file's name are derived from it. */
  fileName: string;
} & ({ bytes: Uint8Array } | { attachmentUrl: string });

export type AddReport = (upload: ReportUpload) => Promise<IngestedReport>;

export type Ingest = (paths: string[], options?: IngestJobOptions) => Promise<IngestSummary>;

/**
 * The add-a-report use case: validate the upload with the checks the ingest applies, then one ingest saves it
 * atomically into the corpus folder, ingests it, and puts the folder back as it was if anything fails. Uploads are
 * added one at a time, so two cannot race on the same file or roll back each other's work.
 */
export function createAddReport(config: Config, ingest: Ingest): AddReport {
  let queue: Promise<unknown> = Promise.resolve();
  return (upload) => {
    const run = queue.then(() => addReport(config, ingest, upload));
    queue = run.catch(() => undefined);
    return run;
  };
}

async function addReport(config: Config, ingest: Ingest, upload: ReportUpload): Promise<IngestedReport> {
  const fileName = reportFileName(upload.fileName);
  const bytes = "bytes" in upload ? upload.bytes : (await downloadAttachment(upload.attachmentUrl, config)).bytes;
  checkReportSize(bytes.length, config.maxReportBytes);
  // What can be refused without parsing is refused before the file touches the corpus folder; the ingest (in its
  // own process) saves it, refuses the rest, and removes it again, under one hold of the index's lock (ingest-pages.ts):
  // saved here, the file was in the corpus folder, unlocked, for another process's ingest to read before its rollback.
  precheckReport(bytes, fileName, config.maxReportBytes);
  return theReport(await ingest([], { uploads: [{ fileName, bytes }] }).catch((error: unknown) => Promise.reject(notIngested(error, config.corpusDir))));
}

/** The one report an ingest of one file or page added or updated; its refusal, or no report, as an error. */
export function theReport(summary: IngestSummary): IngestedReport {
  const skipped = summary.skipped[0];
  if (skipped !== undefined) throw new DossierError("BAD_REPORT", `The report was not ingested: ${skipped.reason}`);
  const ingested = summary.reports[0];
  if (ingested === undefined) throw new DossierError("INGEST_FAILED", "The report was not ingested.");
  return ingested;
}

/** Why one report could not be ingested, in one line (see `asDossierError`). */
export function notIngested(err: unknown, corpusDir: string): DossierError {
  return asDossierError(err, "The report could not be ingested", corpusDir);
}

/** Why a report could not be saved into the corpus folder, in one line (see `asDossierError`). */
export function savedReportError(err: unknown, corpusDir: string): DossierError {
  return asDossierError(err, "The report could not be saved", corpusDir);
}

/**
 * Keeps our own one-line reasons; a path in the corpus folder that cannot be written (a file or folder in the way, no
 * permission, a read-only or full disk) is named with why; anything else becomes one line with the system's error
 * code, never a stack or the system's text.
 */
function asDossierError(err: unknown, what: string, corpusDir: string): DossierError {
  if (err instanceof DossierError) return err;
  const why = pathProblem(err, corpusDir) ?? errorCode(err);
  return new DossierError("INGEST_FAILED", `${what}${why ? ` (${why})` : ""}; nothing was changed.`, { cause: err });
}
