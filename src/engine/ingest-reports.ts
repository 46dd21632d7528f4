import type { Logger } from "pino";
import type { Config } from "../config.js";
import { createEmbeddings } from "../embeddings/create-embeddings.js";
import type { IngestSummary } from "../engine-types.js";
import type { IngestRunOptions } from "../index/ingest.js";
import { openIndexStore } from "../store/open-index-store.js";
import { inProcessRunner } from "./ingest-runner.js";

/**
 * The ingest use case for a tool that only ingests (`npm run ingest`): unlike `Engine.ingest` it needs no index
 * to exist first, since building one is what it is for. No paths means the corpus folder.
 */
export async function ingestReports(config: Config, paths: string[], options: IngestRunOptions & { logger: Logger }): Promise<IngestSummary> {
  const { logger, ...runOptions } = options;
  const store = await openIndexStore(config);
  try {
    const run = inProcessRunner({ config, embeddings: await createEmbeddings(config), logger, store });
    return await run(paths.length > 0 ? paths : [config.corpusDir], runOptions);
  } finally {
    await store.close();
  }
}
