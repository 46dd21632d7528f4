import type { Logger } from "pino";
import type { Config } from "../config.js";
import { createEmbeddings } from "../embeddings/create-embeddings.js";
import type { IngestSummary } from "../engine-types.js";
import type { IngestRunOptions } from "../index/ingest.js";
import { openIndexStore } from "../store/open-index-store.js";

// Where the index lives, for a summary line: the store knows how to name it without its credentials.
export { describeStore } from "../store/open-index-store.js";
import { type EmbedProgress, withEmbeddingProgress } from "./embedding-progress.js";
import { settleHiddenCopies } from "./hidden-copies.js";
import { inProcessRunner } from "./ingest-runner.js";
import { ingestWithPages } from "./ingest-pages.js";

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
    return await store.withWriteLock((lock) =>
      ingestWithPages(refresh || targets.length > 0 ? targets : [config.corpusDir], config, lock, (paths) =>
        inProcessRunner({ config, embeddings, logger, store, lock }, config.ingestWorkers)(paths, runOptions), { refresh },
      ),
    );
  } finally {
    await store.close();
  }
}

async function embedder(config: Config, onProgress?: (progress: EmbedProgress) => void) {
  const embeddings = await createEmbeddings(config);
  return onProgress ? withEmbeddingProgress(embeddings, onProgress) : embeddings;
}
