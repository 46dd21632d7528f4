import { workerData } from "node:worker_threads";
import type { Config } from "../config.js";
import { createEmbeddings } from "../embeddings/create-embeddings.js";

/** One thread of the embedding pool (embedding-pool.ts): its own model, made from the ingest's configuration. */
const embeddings = createEmbeddings(workerData as Config);

export default async function embedDocuments(texts: string[]): Promise<Float64Array[]> {
  // Float64 keeps the model's normalised numbers exactly as the single-threaded path has them.
  return (await (await embeddings).embedDocuments(texts)).map((v) => Float64Array.from(v));
}
