import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DossierEmbeddings, normalize } from "../../src/embeddings/embeddings-contract.js";
import { LocalUseEmbeddings, loadModel, sameLengthBatches } from "../../src/embeddings/local-use-embeddings.js";
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

describe("the local Universal Sentence Encoder's batches", () => {
  it("give every text, bit for bit, the vector the model gives it alone, whatever it is embedded with", async () => {
    // Texts no other test embeds, so the run's memo (tests/setup/embedding-memo.ts) computes them here, in one call.
    const texts = [
      "The contract-test ferry left Oban at noon.",
      "Contract-test gulls followed it.",
      "Nobody on the contract-test quay expected the storm that came in from the west before dusk.",
      "Contract-test tides turned early.",
      "",
      "Was the contract-test ferry late?",
      "The contract-test harbour master, who had worked there for thirty years, closed the slipway.",
    ];
    const together = await new LocalUseEmbeddings().embedDocuments(texts);
    const model = await loadModel();
    for (const [i, text] of texts.entries()) {
      expect(together[i], text).toEqual(normalize((await model.embed([text.trim() === "" ? "." : text]))[0]!));
    }
  });

  it("hold texts of one token count only, at most the batch size, each text once and in order within a batch", () => {
    const batches = sameLengthBatches([3, 5, 3, 3, 5, 7, 3], 2);
    expect(batches).toEqual([[0, 2], [3, 6], [1, 4], [5]]);
  });
});
