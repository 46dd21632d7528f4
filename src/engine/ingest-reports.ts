import type { Logger } from "pino";
import type { Config } from "../config.js";
import { isGone } from "../core/is-gone.js";
import { createEmbeddings } from "../embeddings/create-embeddings.js";
import type { IngestSummary, SkippedFile } from "../engine-types.js";
import { DossierError } from "../errors.js";
import type { IngestRunOptions } from "../index/ingest.js";
import { openIndexStore } from "../store/open-index-store.js";

// Where the index lives, for a summary line: the store knows how to name it without its credentials.
export { describeStore } from "../store/open-index-store.js";
import { type EmbedProgress, withEmbeddingProgress } from "./embedding-progress.js";
import { settleHiddenCopies } from "./hidden-copies.js";
import { inProcessRunner } from "./ingest-runner.js";
import type { SavedReport } from "./save-report.js";
import { isUrl, refreshUrlReports, saveUrlReport, webFolder } from "./url-reports.js";

export interface IngestReportsOptions extends IngestRunOptions {
  logger: Logger;
  /** Fetch every report that came from a URL again. */
  refresh?: boolean;
  /** Progress through each report's sentences while they are embedded. */
  onEmbedProgress?: (progress: EmbedProgress) => void;
}

/**
 * The ingest use case for a tool that only ingests (`npm run ingest`): unlike `Engine.ingest` it needs no index
 * to exist first, since building one is what it is for. Targets are files, folders and URLs; none means the corpus
 * folder. A URL is fetched into the corpus's web folder first; whatever of it the ingest refuses is removed again, so
 * a refused URL leaves nothing behind. Fetch refusals are among `skipped`.
 */
export async function ingestReports(config: Config, targets: string[], options: IngestReportsOptions): Promise<IngestSummary> {
  const { logger, refresh, onEmbedProgress, ...runOptions } = options;
  const store = await openIndexStore(config);
  try {
    // Before the corpus folder is read: a file a dead removal hid would look deleted. It takes the lock itself.
    await settleHiddenCopies(config.corpusDir, store, logger);
    const embeddings = await embedder(config, onEmbedProgress);
    // Pages are fetched into the corpus, and their addresses read and written, under the ingest's lock: another
    // process adding or refreshing a page meanwhile would otherwise lose one of the two addresses.
    return await store.withWriteLock(async (lock) => {
      const fetchSkipped: SkippedFile[] = [];
      const saved: SavedReport[] = [];
      const paths = targets.filter((t) => !isUrl(t));
      for (const url of targets.filter(isUrl)) {
        try {
          saved.push(await saveUrlReport(url, config, lock));
        } catch (error) {
          if (!(error instanceof DossierError)) throw error;
          fetchSkipped.push({ file: url, reason: error.message });
        }
      }
      paths.push(...saved.map((s) => s.path));
      if (refresh) {
        const refreshed = await refreshUrlReports(config, lock);
        saved.push(...refreshed.changed);
        fetchSkipped.push(...refreshed.skipped);
        paths.push(...refreshed.changed.map((s) => s.path), ...refreshed.unchanged);
        // The web folder, so that a report whose page file is gone is dropped; with no such folder no report came from a
        // URL, and there is nothing to refresh (naming it anyway ended in "web: no such file or folder" and exit 1).
        if (paths.length === 0 && !(await isGone(webFolder(config)))) paths.push(webFolder(config));
      } else if (targets.length === 0) paths.push(config.corpusDir);

      let summary: IngestSummary;
      try {
        summary = await inProcessRunner({ config, embeddings, logger, store, lock }, config.ingestWorkers)(paths, runOptions);
      } catch (error) {
        for (const s of saved.reverse()) await s.rollback();
        throw error;
      }
      const refused = new Set(summary.skipped.map((s) => s.file));
      for (const s of saved) if (refused.has(s.path)) await s.rollback();
      return { ...summary, skipped: [...fetchSkipped, ...summary.skipped] };
    });
  } finally {
    await store.close();
  }
}

async function embedder(config: Config, onProgress?: (progress: EmbedProgress) => void) {
  const embeddings = await createEmbeddings(config);
  return onProgress ? withEmbeddingProgress(embeddings, onProgress) : embeddings;
}
