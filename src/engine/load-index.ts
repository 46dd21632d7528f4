import type { DossierEmbeddings } from "../embeddings/embeddings-contract.js";
import { DossierError } from "../errors.js";
import { SearchIndex } from "../retrieval/search-index.js";
import type { IndexStore } from "../store/index-store.js";

/** The live generation in memory, refused when another embedder built it (its vectors would not compare). */
export async function loadIndex(store: IndexStore, embeddings: DossierEmbeddings): Promise<SearchIndex> {
  const generation = await store.readGeneration();
  const built = generation.manifest.embedder;
  if (built.name !== embeddings.embedder.name || built.dimensions !== embeddings.embedder.dimensions) {
    throw new DossierError(
      "EMBEDDER_MISMATCH",
      `The index was built with ${built.name} (${built.dimensions} dimensions) but the configuration uses ${embeddings.embedder.name}: run \`npm run ingest -- --rebuild\` to re-embed the reports.`,
    );
  }
  return new SearchIndex(generation);
}
