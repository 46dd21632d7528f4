import { OpenAIEmbeddings } from "@langchain/openai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOpenAIEmbeddings, EMBEDDINGS_REPLY_LIMIT } from "../../src/embeddings/openai-embeddings.js";
import { DossierError } from "../../src/errors.js";
import { openaiConfig } from "./openai-fixtures.js";
import { startOpenAIStub, stubVector, type OpenAIStub } from "./openai-stub.js";

let stub: OpenAIStub;
beforeEach(async () => {
  // Vectors of length 3, as compatible servers may serve: the adapter must return unit vectors all the same.
  stub = await startOpenAIStub({ apiKey: "test-key", dimensions: 24, vectorLength: 3 });
});
afterEach(() => stub.close());

const config = (overrides = {}) => ({ ...openaiConfig(stub.baseURL, overrides), embeddingModel: "stub-embed" });
const length = (v: number[]) => Math.hypot(...v);

describe("OpenAI embeddings through the stub", () => {
  it("names itself, discovers its dimensions and embeds as floats", async () => {
    const embeddings = await createOpenAIEmbeddings(config());
    expect(embeddings.embedder).toEqual({ name: "openai:stub-embed", dimensions: 24 });

    const [a, b] = await embeddings.embedDocuments(["The river burst its banks.", "No injuries were reported."]);
    expect(a).toHaveLength(24);
    expect(a![0]).toBeCloseTo(stubVector("The river burst its banks.", 24)[0]!, 6);
    expect(b).not.toEqual(a);
    expect(await embeddings.embedQuery("The river burst its banks.")).toEqual(a);
    expect(stub.requests.every((r) => r.body.encoding_format === "float" && r.body.dimensions === undefined)).toBe(true);
  });

  it("decodes the base64 vectors the openai client asks for by default", async () => {
    const plain = new OpenAIEmbeddings({ model: "stub-embed", apiKey: "test-key", configuration: { baseURL: stub.baseURL } });
    const vector = await plain.embedQuery("The river burst its banks.");
    expect(stub.requests[0]!.body.encoding_format).toBe("base64");
    expect(vector[3]).toBeCloseTo(3 * stubVector("The river burst its banks.", 24)[3]!, 6);
  });

  it("fails with one MODEL_UNAVAILABLE error for a bad key", async () => {
    const failure = await createOpenAIEmbeddings(config({ apiKey: "wrong" })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DossierError);
    expect(failure).toMatchObject({ code: "MODEL_UNAVAILABLE", message: expect.stringContaining("the embedding model rejected the API key") });
  });

  it("turns a failure during an ingest into the same kind of error", async () => {
    const embeddings = await createOpenAIEmbeddings(config());
    stub.failEmbeddings({ status: 500 });
    await expect(embeddings.embedDocuments(["text"])).rejects.toMatchObject({
      code: "MODEL_UNAVAILABLE",
      message: "embedding model unavailable: server error (HTTP 500)",
    });
  });

  it("retries a failed batch after the configured wait, and only that batch", async () => {
    const embeddings = await createOpenAIEmbeddings(config({ maxRetries: 2 }), { firstRetryDelayMs: 1 });
    stub.failEmbeddings({ status: 503 }, { status: 429 });
    const before = stub.requests.length;
    const [vector] = await embeddings.embedDocuments(["The river burst its banks."]);
    expect(length(vector!)).toBeCloseTo(1, 6);
    expect(stub.requests.length - before).toBe(3);
  });

  it("gives up on a reply whose body never comes, instead of holding the ingest forever", async () => {
    // LLM_TIMEOUT_MS and the deadline's slack, shortened from a second: the stub sends headers at once.
    const embeddings = await createOpenAIEmbeddings(config({ timeoutMs: 300, deadlineSlackMs: 100 }));
    stub.failEmbeddings({ stall: "after-headers" });
    await expect(embeddings.embedDocuments(["text"])).rejects.toMatchObject({
      code: "MODEL_UNAVAILABLE",
      message: "embedding model unavailable: timeout (no complete reply within 400 ms)",
    });
  });

  it("cuts a reply that never ends instead of holding it all", async () => {
    // Deadlines far off: the cut, not a deadline, must end this.
    const embeddings = await createOpenAIEmbeddings(config({ timeoutMs: 120_000, maxRetries: 2 }), { firstRetryDelayMs: 1 });
    const sent = { bytes: 0 };
    stub.failEmbeddings({ endless: true, sent });
    const before = stub.requests.length;
    await expect(embeddings.embedDocuments(["text"])).rejects.toMatchObject({
      code: "MODEL_UNAVAILABLE",
      message: `embedding model unavailable: its reply was too large (from ${stub.baseURL})`,
    });
    // The client hung up near the limit (the sockets' buffers hold a few megabytes more), and did not ask again.
    expect(sent.bytes).toBeLessThan(EMBEDDINGS_REPLY_LIMIT + 16 * 2 ** 20);
    expect(stub.requests.length - before).toBe(1);
  });

  it("does not retry a bad request", async () => {
    const embeddings = await createOpenAIEmbeddings(config({ maxRetries: 2 }), { firstRetryDelayMs: 1 });
    stub.failEmbeddings({ status: 400 });
    const before = stub.requests.length;
    await expect(embeddings.embedQuery("text")).rejects.toMatchObject({ code: "MODEL_UNAVAILABLE" });
    expect(stub.requests.length - before).toBe(1);
  });
});
