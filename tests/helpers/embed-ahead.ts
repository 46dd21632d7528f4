import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";

/**
 * Has the run's encoder memo (tests/setup/embedding-memo.ts) learn the vectors of texts a test then embeds one at a
 * time, as the engine embeds questions: in the model calls one call for all of them makes, which batch texts of one
 * token count, about a third of the CPU of one call each and bit for bit the same vectors.
 */
export async function embedAhead(texts: readonly string[]): Promise<void> {
  await new LocalUseEmbeddings().embedDocuments([...new Set(texts)]);
}
