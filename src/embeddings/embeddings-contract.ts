import type { Embeddings } from "@langchain/core/embeddings";

/**
 * What every embedder in Dossier promises beyond LangChain's interface:
 * - the vectors of documents and of queries alike are unit vectors (L2 norm 1), so that the inner product the
 *   index searches with is cosine similarity, which ranking weights and thresholds assume. Each adapter keeps this
 *   itself: a server's vectors may or may not come normalised;
 * - a name and dimension, recorded in the index manifest so an index is never queried with another embedder's vectors.
 */
export interface NamedEmbeddings {
  readonly embedder: { name: string; dimensions: number };
  /** Loads what the first query would otherwise wait for. */
  warmUp?(): Promise<void>;
}

export type DossierEmbeddings = Embeddings & NamedEmbeddings;

/** `v` scaled to length 1 (a zero vector stays zero). */
export function normalize(v: ArrayLike<number>): number[] {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  norm = Math.sqrt(norm) || 1;
  return Array.from(v, (x) => x / norm);
}
