import type { Config } from "../config.js";
import { isGone } from "../core/is-gone.js";
import type { IngestSummary, SkippedFile } from "../engine-types.js";
import { DossierError } from "../errors.js";
import type { IngestLock } from "../index/ingest-lock.js";
import { savedReportError } from "./add-report.js";
import { putBackAll, type SavedReport, saveReport, type SaveUndo, type UploadedFile } from "./save-report.js";
import { checkAddressList, isUrl, refreshUrlReports, saveUrlReport, webFolder } from "./url-reports.js";

export interface IngestPagesOptions {
  /** Fetch every report that came from a URL again. */
  refresh?: boolean;
  /**
   * A page that cannot be fetched or saved fails the ingest with its own error (one page asked for from chat), instead
   * of being among `skipped` beside the rest (a command line naming several).
   */
  failOnFetch?: boolean;
  /** Report files handed over by a front end (uploads), saved into the corpus folder like the pages. */
  uploads?: readonly UploadedFile[];
  /** Told how to undo each page and upload saved, before it is read (the ingest child tells its parent). */
  onSaved?: (undo: SaveUndo) => Promise<void>;
}

/**
 * An ingest of files, folders, pages by URL and uploads, run while the caller holds the index's write lock, from the
 * first page saved to the last one put back: each page is fetched into the corpus's web folder and each upload saved
 * into the corpus folder, `run` ingests, and every one it refused (all of them, if it failed) is put back as it was
 * before the lock is let go. Taken apart for the save, the ingest and the rollback, the lock let another ingest in
 * between: it read the page about to be rolled back, or held the lock so that the rollback failed, and the page stayed
 * in the web folder with no report. Fetch refusals are among `skipped`, unless `failOnFetch`.
 */
export async function ingestWithPages(
  targets: string[],
  config: Config,
  lock: IngestLock,
  run: (paths: string[]) => Promise<IngestSummary>,
  options: IngestPagesOptions = {},
): Promise<IngestSummary> {
  const fetchSkipped: SkippedFile[] = [];
  const saved: SavedReport[] = [];
  /** The address each page named by URL was fetched from, by the file it was saved as. */
  const addresses = new Map<string, string>();
  let summary: IngestSummary;
  let refreshedCount: number | undefined;
  // Every page saved so far is put back on any failure, a later page's fetch or the refresh included: the ingest
  // stops, and a page it never read would stay in the web folder, to be read as a report by the next.
  try {
    const paths = targets.filter((t) => !isUrl(t));
    const urls = targets.filter(isUrl);
    // A list of addresses that cannot be read stops every page at once, in one line, rather than once a page.
    if (urls.length > 0) await checkAddressList(config);
    for (const url of urls) {
      try {
        const page = await saveUrlReport(url, config, lock);
        saved.push(page);
        addresses.set(page.path, url);
      } catch (error) {
        if (options.failOnFetch || !(error instanceof DossierError)) throw error;
        fetchSkipped.push({ file: url, reason: error.message });
      }
    }
    for (const upload of options.uploads ?? []) {
      saved.push(await saveReport(config.corpusDir, upload.fileName, upload.bytes).catch((error: unknown) => Promise.reject(savedReportError(error, config.corpusDir))));
    }
    paths.push(...saved.map((s) => s.path));
    if (options.refresh) {
      const refreshed = await refreshUrlReports(config, lock);
      saved.push(...refreshed.changed);
      fetchSkipped.push(...refreshed.skipped);
      paths.push(...refreshed.changed.map((s) => s.path), ...refreshed.unchanged);
      refreshedCount = refreshed.changed.length + refreshed.unchanged.length + refreshed.skipped.length;
      // The web folder, so that a report whose page file is gone is dropped; with no such folder no report came from a
      // URL, and there is nothing to refresh (naming it anyway ended in "web: no such file or folder" and exit 1).
      if (paths.length === 0 && !(await isGone(webFolder(config)))) paths.push(webFolder(config));
    }
    for (const s of saved) await options.onSaved?.(s.undo);
    summary = await run(paths);
  } catch (error) {
    await putBackAll(saved.map((s) => s.undo));
    throw error;
  }
  const refused = new Set(summary.skipped.map((s) => s.file));
  await putBackAll(saved.filter((s) => refused.has(s.path)).map((s) => s.undo));
  // A refused page is put back, so the file it was saved as for the ingest is nowhere: its line names the address
  // typed, as a page that could not be fetched is named ("skipped   picture.html: …" named a file nobody had).
  const named = summary.skipped.map((s) => {
    const url = addresses.get(s.file);
    // A reason opens with the name of the file it is about; a saved page's name, made from its address, has no colon.
    return url === undefined ? s : { file: url, reason: `${url}${s.reason.slice(s.reason.indexOf(": "))}` };
  });
  return { ...summary, skipped: [...fetchSkipped, ...named], ...(refreshedCount === undefined ? {} : { refreshed: refreshedCount }) };
}
