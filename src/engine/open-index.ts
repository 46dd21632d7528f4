import { existsSync } from "node:fs";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { counted } from "../display/counted.js";
import { shownPath } from "../display/shown-path.js";
import { unreadFileLines } from "../display/unread-files.js";
import type { DossierEmbeddings } from "../embeddings/embeddings-contract.js";
import { DossierError } from "../errors.js";
import { removeStaleGenerations } from "../index/index-files.js";
import { withIngestLock } from "../index/ingest-lock.js";
import { filesUnder } from "../index/list-reports.js";
import { REPORT_EXTENSIONS } from "../index/read-report.js";
import { findStaleness } from "../index/staleness.js";
import type { SearchIndex } from "../retrieval/search-index.js";
import type { IndexStore } from "../store/index-store.js";
import type { IngestRunner } from "./ingest-runner.js";
import { settleHiddenCopies } from "./hidden-copies.js";
import { loadIndex } from "./load-index.js";

export interface OpenIndexOptions {
  config: Config;
  embeddings: DossierEmbeddings;
  store: IndexStore;
  run: IngestRunner;
  /** Bring the index up to date with the corpus folder, and rebuild it when damaged. */
  autoIngest: boolean;
  notify: (message: string) => void;
  logger: Logger;
}

/**
 * The index a starting engine answers from: leftovers of killed ingests cleaned, brought up to date with the corpus
 * folder, rebuilt when damaged. A corpus file or an update that fails never stops the start while an index loads.
 */
export async function openIndex(options: OpenIndexOptions): Promise<SearchIndex> {
  const { config, embeddings, store, autoIngest, notify, logger } = options;
  if (autoIngest) {
    if (config.store.kind === "local") await cleanLeftovers(config.indexDir);
    // One walk of the corpus folder for both: settling the hidden copies, and comparing the folder with the index.
    const listed = await filesUnder(config.corpusDir);
    // Before the corpus folder is compared with the index: a file a dead removal hid would look deleted.
    const hadCopies = await settleHiddenCopies(config.corpusDir, store, logger, listed).catch((error: unknown) => {
      skipWhenLocked(error);
      return true;
    });
    // Copies settled (files put back or deleted), or left to the process that holds the lock: walked again as it now is.
    const files = hadCopies ? await filesUnder(config.corpusDir) : listed;
    const stale = await findStaleness(config, store, embeddings.embedder.name, files);
    // A corpus folder that does not exist has nothing to build from: the one line below about it says it all, not
    // "building it from …" and "skipped   …: no such file or folder" before it.
    if (stale) await refresh(options, stale.notice, stale.repair, !stale.repair && !existsSync(config.corpusDir));
  }
  let index: SearchIndex;
  try {
    index = await loadIndex(store, embeddings);
  } catch (error) {
    if (!(autoIngest && error instanceof DossierError && error.code === "INDEX_CORRUPT")) throw error;
    await refresh(options, `The index at ${store.where} is unreadable (${error.detail}); repairing it from the reports' source files…`, true);
    index = await loadIndex(store, embeddings);
  }
  if (index.reports.length === 0) notify(noReportsError(config).forOperator);
  else if (!existsSync(config.corpusDir)) notify(missingCorpusNotice(config, index.reports.length));
  return index;
}

/**
 * Said at start and by every answer while the index holds no report, so an empty corpus is never a silent "not found".
 * An answer may go to a Discord user, so its line names the corpus folder by its setting; the operator's (the start-up
 * notice, the terminal) names where it is.
 */
export function noReportsError(config: Config): DossierError {
  const missing = !existsSync(config.corpusDir);
  const line = (folder: string) =>
    `No reports are loaded: ${missing ? `${folder} does not exist` : `${folder} holds no readable report (${REPORT_EXTENSIONS.join(", ")})`} (CORPUS_DIR). ` +
    "Add reports there and run `npm run ingest`, or use /ingest in Discord.";
  return new DossierError("NO_REPORTS", line("the corpus folder"), { forOperator: line(`the corpus folder ${shownPath(config.corpusDir)}`) });
}

/** An index built earlier still answers, but nothing can be added to or updated from a corpus folder that is gone. */
export function missingCorpusNotice(config: Config, reports: number): string {
  return `The corpus folder ${shownPath(config.corpusDir)} (CORPUS_DIR) does not exist; answering from the index as last built (${counted(reports, "report")}).`;
}

async function refresh(options: OpenIndexOptions, notice: string, repair: boolean, quiet = false): Promise<void> {
  const { config, run, notify } = options;
  if (!quiet) notify(notice);
  try {
    const summary = await run([config.corpusDir], { repair });
    // A refusal said at an earlier start is not said again for every other file that changes.
    const news = { ...summary, skipped: summary.skipped.filter((s) => !s.saidBefore) };
    if (!quiet) for (const line of unreadFileLines(news)) notify(line);
  } catch (error) {
    // Another process is ingesting: the live index still answers, and the other run will bring it up to date.
    if (error instanceof DossierError && error.code === "BUSY") {
      notify(`${error.forOperator} Answering from the current index meanwhile.`);
      return;
    }
    // Any other failure still leaves the previous index, which is better than no answers at all.
    const usable = await loadIndex(options.store, options.embeddings).then(
      () => true,
      () => false,
    );
    if (!usable) throw error;
    const why = error instanceof DossierError ? error.forOperator : String(error);
    notify(`Could not update the index: ${why} Answering from the current index meanwhile.`);
  }
}

/** Generations left by an ingest killed after its swap; skipped while another process holds the lock. */
async function cleanLeftovers(indexDir: string): Promise<void> {
  await withIngestLock(indexDir, () => removeStaleGenerations(indexDir)).catch(skipWhenLocked);
}

/** Tidying at start waits for no other process, and a folder it cannot write is said by the ingest that follows. */
function skipWhenLocked(error: unknown): void {
  if (!(error instanceof DossierError && (error.code === "BUSY" || error.code === "INDEX_UNWRITABLE"))) throw error;
}
