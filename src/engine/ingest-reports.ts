import type { Logger } from "pino";
import type { Config } from "../config.js";
import { createEmbeddings } from "../embeddings/create-embeddings.js";
import type { IngestOptions, IngestSummary } from "../engine-types.js";
import { ingestPaths } from "../index/ingest.js";

export interface IngestReportsOptions extends IngestOptions {
  logger: Logger;
  /** Re-embed every report, even unchanged ones (after switching the embedder or chunking). */
  rebuild?: boolean;
}

/**
 * The ingest use case for a tool that only ingests (`npm run ingest`): unlike `Engine.ingest` it needs no index
 * to exist first, since building one is what it is for.
 */
export async function ingestReports(config: Config, paths: string[], options: IngestReportsOptions): Promise<IngestSummary> {
  const { logger, ...ingestOptions } = options;
  const embeddings = await createEmbeddings(config);
  return ingestPaths(paths.length > 0 ? paths : [config.corpusDir], { config, embeddings, logger }, ingestOptions);
}
