import type { DossierEmbeddings } from "../embeddings/embeddings-contract.js";

/** Sentences of the report being embedded: `done` of `total`, sent before the first batch and after each one. */
export interface EmbedProgress {
  done: number;
  total: number;
}

// Any slices give the same vectors: the local embedder gives a text the vector it gets alone, whatever it is with.
const BATCH = 64;

/** Embeddings that report their progress through each report's sentences, batch by batch. */
export function withEmbeddingProgress(embeddings: DossierEmbeddings, onProgress: (p: EmbedProgress) => void): DossierEmbeddings {
  const embedDocuments = async (texts: string[]): Promise<number[][]> => {
    onProgress({ done: 0, total: texts.length });
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      out.push(...(await embeddings.embedDocuments(texts.slice(i, i + BATCH))));
      onProgress({ done: Math.min(i + BATCH, texts.length), total: texts.length });
    }
    return out;
  };
  return new Proxy(embeddings, {
    get: (target, prop, receiver) => (prop === "embedDocuments" ? embedDocuments : Reflect.get(target, prop, receiver)),
  });
}
