import type { Config } from "../config.js";
import type { IngestedReport } from "../engine-types.js";
import type { IngestLock } from "../index/ingest-lock.js";
import { type Ingest, ingestSaved } from "./add-report.js";
import { saveUrlReport } from "./url-reports.js";

export type AddUrlReport = (url: string) => Promise<IngestedReport>;

/** Runs `work` under the index's write lock, in turn with this process's ingests (which take it in their turn). */
export type UnderWriteLock = <T>(work: (lock: IngestLock) => Promise<T>) => Promise<T>;

/**
 * The add-a-report-by-URL use case: fetch under the safe-fetch rules, save the page into the corpus's web folder with
 * its address, ingest it, and leave nothing behind if any step fails. One at a time, like uploads. The save and a
 * rollback each hold the ingest's lock, since they read and write the web folder's addresses; the ingest between
 * them takes it itself (in its own process).
 */
export function createAddUrlReport(config: Config, ingest: Ingest, underWriteLock: UnderWriteLock): AddUrlReport {
  let queue: Promise<unknown> = Promise.resolve();
  return (url) => {
    const run = queue.then(async () => {
      const saved = await underWriteLock((lock) => saveUrlReport(url, config, lock));
      return ingestSaved({ path: saved.path, rollback: () => underWriteLock(() => saved.rollback()) }, ingest, config.corpusDir);
    });
    queue = run.catch(() => undefined);
    return run;
  };
}
