import { describe, expect, it } from "vitest";
import { overallDeadlineMs } from "../../../src/openai/deadline.js";
import { describeModelFailure, ModelDeadlineError, NotAChatCompletionError } from "../../../src/openai/model-failure.js";

const openai = { apiKey: "sk-secret", baseURL: "http://127.0.0.1:1/v1", chatModel: "m1", timeoutMs: 300, maxRetries: 1, maxTokens: 800 };
const httpError = (status: number, extra: Record<string, unknown> = {}) => Object.assign(new Error("x"), { status, ...extra });

describe("describeModelFailure", () => {
  it("names a bad key and an unknown model exactly, as permanent", () => {
    const auth = describeModelFailure(httpError(401), openai);
    expect(auth).toMatchObject({ kind: "auth", permanent: true, transient: false });
    expect(auth.message).toContain("the chat model rejected the API key");
    expect(auth.message).not.toContain("sk-secret");
    const missing = describeModelFailure(httpError(404), openai);
    expect(missing).toMatchObject({ kind: "model-not-found", permanent: true });
    expect(missing.message).toContain('"m1" not found at http://127.0.0.1:1/v1');
  });

  it("treats timeouts, 429 and 5xx as transient", () => {
    const timeout = Object.assign(new Error("Request timed out."), { name: "TimeoutError" });
    expect(describeModelFailure(timeout, openai)).toMatchObject({ kind: "timeout", transient: true });
    expect(describeModelFailure(timeout, openai).message).toBe("chat model unavailable: timeout (no reply within 300 ms)");
    expect(describeModelFailure(httpError(429), openai)).toMatchObject({ kind: "rate-limit", transient: true });
    expect(describeModelFailure(httpError(503), openai)).toMatchObject({ kind: "server", transient: true });
  });

  it("does not retry an exhausted quota or a rejected request", () => {
    expect(describeModelFailure(httpError(429, { code: "insufficient_quota" }), openai)).toMatchObject({ kind: "quota", transient: false });
    expect(describeModelFailure(httpError(400), openai)).toMatchObject({ kind: "rejected", transient: false });
  });

  it("names a reply the client could not read as a completion, for chat and embeddings", () => {
    const note = "the server's reply is not an OpenAI chat completion (from http://127.0.0.1:1/v1); check OPENAI_BASE_URL";
    for (const error of [new SyntaxError("Unexpected token '<'"), new TypeError("Cannot read properties of undefined"), new NotAChatCompletionError("empty stream")]) {
      expect(describeModelFailure(error, openai)).toEqual({ kind: "not-openai", transient: false, permanent: false, message: note });
    }
    const embedding = describeModelFailure(new SyntaxError("x"), openai, { what: "embedding model", model: "e" });
    expect(embedding.message).toMatch(/^the server's reply is not an OpenAI embeddings response/);
  });

  it("calls our own deadline running out a timeout, saying which", () => {
    const failure = describeModelFailure(new ModelDeadlineError("the reply stalled for more than 300 ms"), openai);
    expect(failure).toMatchObject({ kind: "timeout", message: "chat model unavailable: timeout (the reply stalled for more than 300 ms)" });
  });
});

describe("overallDeadlineMs", () => {
  it("allows every attempt its full timeout plus the longest backoff and a second of slack", () => {
    expect(overallDeadlineMs(400, { retries: 0, firstDelayMs: 1_000 })).toBe(1_400);
    // 3 × 20 s, backoffs of up to 2 s and 4 s, 1 s slack.
    expect(overallDeadlineMs(20_000, { retries: 2, firstDelayMs: 1_000 })).toBe(67_000);
    // A shorter first wait shortens the deadline with it: 3 × 400 ms, waits of up to 20 ms and 40 ms.
    expect(overallDeadlineMs(400, { retries: 2, firstDelayMs: 10 })).toBe(2_260);
  });
});
