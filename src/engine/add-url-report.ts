import type { IngestedReport } from "../engine-types.js";
import { type Ingest, notIngested, theReport } from "./add-report.js";

export type AddUrlReport = (url: string) => Promise<IngestedReport>;

/**
 * The add-a-report-by-URL use case: fetch under the safe-fetch rules, save the page into the corpus's web folder with
 * its address, ingest it, and leave nothing behind if any step fails. All of it is one ingest, in turn with the
 * others: the runner does the three steps under one hold of the index's lock (ingest-pages.ts), so that no other
 * ingest reads the page between its save and its rollback.
 */
export function createAddUrlReport(ingest: Ingest, corpusDir: string): AddUrlReport {
  return async (url) => theReport(await ingest([url]).catch((error: unknown) => Promise.reject(notIngested(error, corpusDir))));
}
