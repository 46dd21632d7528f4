import type { Config } from "../config.js";
import type { DossierEmbeddings } from "../embeddings/embeddings-contract.js";
import { DossierError } from "../errors.js";
import { readGeneration } from "../index/index-files.js";
import { SearchIndex } from "../retrieval/search-index.js";

/** The live generation in memory, refused when another embedder built it (its vectors would not compare). */
export async function loadIndex(config: Config, embeddings: DossierEmbeddings): Promise<SearchIndex> {
  const generation = await readGeneration(config.indexDir);
  const built = generation.manifest.embedder;
  if (built.name !== embeddings.embedder.name || built.dimensions !== embeddings.embedder.dimensions) {
    throw new DossierError(
      "EMBEDDER_MISMATCH",
      `The index was built with ${built.name} (${built.dimensions} dimensions) but the configuration uses ${embeddings.embedder.name}: run \`npm run ingest -- --rebuild\` to re-embed the reports.`,
    );
  }
  return new SearchIndex(generation);
}
