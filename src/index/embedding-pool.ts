import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import type { Config } from "../config.js";

/** What ingest needs of an embedder for report sentences: a model in this thread, or a pool of them. */
export interface DocumentEmbedder {
  embedDocuments(texts: string[]): Promise<number[][]>;
}

export interface EmbeddingPool extends DocumentEmbedder {
  readonly size: number;
  close(): Promise<void>;
}

const WORKER = new URL("./embedding-worker.ts", import.meta.url).href;
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/**
 * `size` worker threads, each with its own copy of the model, so an ingest embeds on every core (the model's runtime
 * uses one). Each call goes whole to one worker: a report is embedded in the same batches as in a single thread, so
 * its vectors are the same numbers.
 */
export function createEmbeddingPool(config: Config, size: number): EmbeddingPool {
  const piscina = new Piscina({
    filename: WORKER,
    // Threads start with the first reports they are given: an ingest of one report never pays for them.
    minThreads: 0,
    maxThreads: size,
    // One report at a time per worker: a second would only wait behind the first on the same core.
    concurrentTasksPerWorker: 1,
    idleTimeout: Number.POSITIVE_INFINITY,
    execArgv: ["--import", TSX],
    workerData: config,
  });
  return {
    size,
    embedDocuments: async (texts) => ((await piscina.run(texts)) as Float64Array[]).map((v) => Array.from(v)),
    close: () => piscina.destroy(),
  };
}
