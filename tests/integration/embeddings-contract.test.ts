import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DossierEmbeddings } from "../../src/embeddings/embeddings-contract.js";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { createOpenAIEmbeddings } from "../../src/embeddings/openai-embeddings.js";
import { openaiConfig } from "../e2e/openai-fixtures.js";
import { startOpenAIStub, type OpenAIStub } from "../e2e/openai-stub.js";

let stub: OpenAIStub;
beforeAll(async () => {
  // A compatible server whose vectors are not unit length, as many are.
  stub = await startOpenAIStub({ dimensions: 16, vectorLength: 3 });
});
afterAll(() => stub.close());

const adapters: Array<[string, () => Promise<DossierEmbeddings>]> = [
  ["the local Universal Sentence Encoder", async () => new LocalUseEmbeddings()],
  ["OpenAI-compatible embeddings", () => createOpenAIEmbeddings({ ...openaiConfig(stub.baseURL), embeddingModel: "stub-embed" })],
];

describe.each(adapters)("the embeddings contract: %s", (_name, create) => {
  it("returns unit vectors of the named dimension for documents and queries alike", async () => {
    const embeddings = await create();
    const documents = await embeddings.embedDocuments(["The river burst its banks.", "No injuries were reported."]);
    const query = await embeddings.embedQuery("Was anyone hurt?");
    for (const vector of [...documents, query]) {
      expect(vector).toHaveLength(embeddings.embedder.dimensions);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    }
  });
});
