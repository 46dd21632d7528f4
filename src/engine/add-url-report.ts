import type { Config } from "../config.js";
import type { IngestedReport } from "../engine-types.js";
import { type Ingest, ingestSaved } from "./add-report.js";
import { saveUrlReport } from "./url-reports.js";

export type AddUrlReport = (url: string) => Promise<IngestedReport>;

/**
 * The add-a-report-by-URL use case: fetch under the safe-fetch rules, save the page into the corpus's web folder with
 * its address, ingest it, and leave nothing behind if any step fails. One at a time, like uploads.
 */
export function createAddUrlReport(config: Config, ingest: Ingest): AddUrlReport {
  let queue: Promise<unknown> = Promise.resolve();
  return (url) => {
    const run = queue.then(async () => ingestSaved(await saveUrlReport(url, config), ingest, config.corpusDir));
    queue = run.catch(() => undefined);
    return run;
  };
}
