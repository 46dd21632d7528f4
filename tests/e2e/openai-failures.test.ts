import { pino } from "pino";
import { describe, expect, it as base } from "vitest";
import { chatReplyLimit, checkChatModel } from "../../src/openai/chat-model.js";
import { LlmAnswerer } from "../../src/answer/chat/llm-answerer.js";
import type { Config } from "../../src/config.js";
import { DossierError } from "../../src/errors.js";
import { FLOOD_SENTENCES, floodCandidates } from "../helpers/ranked-sentences.js";
import { openaiConfig, quotingFallback } from "./openai-fixtures.js";
import { startOpenAIStub, type OpenAIStub } from "./openai-stub.js";

// Each test has its own stub and log, so the tests run at once: most of them wait out a real timeout or stall.
const it = base.extend<{ stub: OpenAIStub; logs: string[] }>({
  stub: async ({}, use) => {
    const stub = await startOpenAIStub({ apiKey: "test-key", models: ["stub-chat"] });
    await use(stub);
    await stub.close();
  },
  logs: async ({}, use) => use([]),
});

function answerer({ stub, logs }: { stub: OpenAIStub; logs: string[] }, overrides: Partial<Config["openai"]> = {}) {
  const logger = pino({ level: "debug" }, { write: (line: string) => void logs.push(line) });
  // Retries wait 1 ms, not the second a real server gets: these tests check what is retried, not how long it waits.
  // Three seconds for a reply from 127.0.0.1: at 300 ms, replies on a loaded 2-core machine running the other tests
  // missed it. A test of a timeout has the stub answer far later, or never.
  return new LlmAnswerer({
    config: openaiConfig(stub.baseURL, { timeoutMs: 3_000, ...overrides }),
    fallback: quotingFallback,
    logger,
    firstRetryDelayMs: 1,
  });
}
const ask = (llm: LlmAnswerer, onToken?: (t: string) => void) =>
  llm.answer({ question: "What happened?", candidates: floodCandidates(), onToken });
const fine = { text: "Nobody was hurt [S4]." };

describe.concurrent("chat model failures", () => {
  it("retries a 500 and answers when the retry succeeds", async ({ stub }) => {
    stub.chat({ status: 500 }, fine);
    const draft = await ask(answerer({ stub, logs: [] }, { maxRetries: 1 }), () => {});
    expect(draft).toMatchObject({ mode: "llm", text: "Nobody was hurt [1]." });
    expect(stub.requests).toHaveLength(2);
  });

  it("falls back to the extractive answer with a note once retries run out", async ({ stub }) => {
    stub.chat({ status: 503 }, { status: 503 });
    const draft = await ask(answerer({ stub, logs: [] }, { maxRetries: 1 }));
    expect(draft).toMatchObject({
      mode: "extractive-fallback",
      note: "chat model unavailable: server error (HTTP 503)",
      text: `${FLOOD_SENTENCES[0]} [1]`,
    });
    expect(stub.requests).toHaveLength(2);
  });

  it("retries a 429 without a Retry-After header", async ({ stub }) => {
    stub.chat({ status: 429, message: "Rate limit reached" }, fine);
    expect(await ask(answerer({ stub, logs: [] }, { maxRetries: 1 }), () => {})).toMatchObject({ mode: "llm" });
    expect(stub.requests).toHaveLength(2);
  });

  it("falls back when the model does not answer in time", async ({ stub }) => {
    stub.chat({ ...fine, delayMs: 600_000 });
    const draft = await ask(answerer({ stub, logs: [] }), () => {});
    expect(draft).toMatchObject({ mode: "extractive-fallback", note: "chat model unavailable: timeout (no reply within 3000 ms)" });
  });

  it("retries a timed-out request", async ({ stub }) => {
    stub.chat({ ...fine, delayMs: 600_000 }, fine);
    const draft = await ask(answerer({ stub, logs: [] }, { maxRetries: 1 }), () => {});
    expect(draft).toMatchObject({ mode: "llm", text: "Nobody was hurt [1]." });
    expect(stub.requests).toHaveLength(2);
  });

  it("falls back when a streamed reply stalls after its first chunk, instead of hanging", async ({ stub }) => {
    stub.chat({ stall: "after-first-chunk", text: "Nobody was hurt [S4]." });
    const seen: string[] = [];
    // The overall deadline far off, so that a first chunk late on a loaded machine still leaves the stall to end the call.
    const draft = await ask(answerer({ stub, logs: [] }, { deadlineSlackMs: 30_000 }), (t) => seen.push(t));
    expect(seen).toEqual(["Nobody was h"]);
    expect(draft).toMatchObject({
      mode: "extractive-fallback",
      note: "chat model unavailable: timeout (the reply stalled for more than 3000 ms)",
      text: `${FLOOD_SENTENCES[0]} [1]`,
    });
  });

  // Once headers have come, only our overall deadline ends the call: LLM_TIMEOUT_MS and its slack, shortened here
  // from a second (nothing else is waited for that the slack would cover). The stub stalls until the client hangs up, so
  // a call that did not give up would end this test by its timeout.
  it("falls back when a stream sends its headers and then nothing", async ({ stub }) => {
    stub.chat({ stall: "after-headers" });
    const draft = await ask(answerer({ stub, logs: [] }, { timeoutMs: 3_000, deadlineSlackMs: 100 }), () => {});
    expect(draft).toMatchObject({ mode: "extractive-fallback", note: "chat model unavailable: timeout (no complete reply within 3100 ms)" });
  });

  it("falls back when a reply sends its headers and then stalls (not streamed)", async ({ stub, logs }) => {
    stub.chat({ stall: "after-headers" });
    const draft = await ask(answerer({ stub, logs }, { timeoutMs: 3_000, deadlineSlackMs: 100 }));
    expect(draft).toMatchObject({ mode: "extractive-fallback", note: "chat model unavailable: timeout (no complete reply within 3100 ms)" });
    expect(logs.map((l) => JSON.parse(l)).filter((l) => l.level === 40)).toEqual([
      expect.objectContaining({ kind: "timeout", msg: "chat model unavailable: timeout (no complete reply within 3100 ms); answering extractively" }),
    ]);
  });

  it("lets the caller cancel a stalled reply: that is rethrown, not a fallback", async ({ stub }) => {
    stub.chat({ stall: "after-first-chunk" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const asked = answerer({ stub, logs: [] }, { timeoutMs: 2_000 }).answer({
      question: "What happened?",
      candidates: floodCandidates(),
      onToken: () => {},
      signal: controller.signal,
    });
    await expect(asked).rejects.toThrow();
  });

  it("names a 200 reply that is not a chat completion, and keeps the stack trace out of warn logs", async ({ stub, logs }) => {
    const html = { body: "<!doctype html><html><body>Welcome to nginx!</body></html>", contentType: "text/html" };
    const note = `the server's reply is not an OpenAI chat completion (from ${stub.baseURL}); check OPENAI_BASE_URL`;
    stub.chat(html, html);
    expect(await ask(answerer({ stub, logs }))).toMatchObject({ mode: "extractive-fallback", note });
    expect(await ask(answerer({ stub, logs }), () => {})).toMatchObject({ mode: "extractive-fallback", note });

    stub.chat({ body: JSON.stringify({ hello: "world" }), contentType: "application/json" });
    expect(await ask(answerer({ stub, logs }))).toMatchObject({ mode: "extractive-fallback", note });

    const lines = logs.map((l) => JSON.parse(l));
    const warnings = lines.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(3);
    for (const warning of warnings) {
      expect(warning).toMatchObject({ kind: "not-openai", msg: `${note}; answering extractively` });
      expect(warning.err).toBeUndefined();
    }
    expect(lines.filter((l) => l.level === 20 && l.err?.stack)).toHaveLength(3);
  });

  it("falls back with a note, not a claim that the reports lack the answer, when the model's reply is empty", async ({ stub }) => {
    const note = "chat model unavailable: its reply was empty";
    stub.chat({ text: "" });
    expect(await ask(answerer({ stub, logs: [] }))).toMatchObject({ mode: "extractive-fallback", note, text: `${FLOOD_SENTENCES[0]} [1]` });
    stub.chat({ text: "  \n" });
    expect(await ask(answerer({ stub, logs: [] }), () => {})).toMatchObject({ mode: "extractive-fallback", note, text: `${FLOOD_SENTENCES[0]} [1]` });
    // An empty reply is not the server refusing JSON: it is not asked again as text.
    expect(stub.requests).toHaveLength(2);
  });

  it("still asks for structured output after an empty reply", async ({ stub }) => {
    const logs: string[] = [];
    const llm = answerer({ stub, logs });
    stub.chat({ text: "" }, { json: { found: true, sentences: [{ text: "Nobody was hurt.", sources: ["S4"] }] } });
    expect(await ask(llm)).toMatchObject({ mode: "extractive-fallback", note: "chat model unavailable: its reply was empty" });
    expect(await ask(llm)).toMatchObject({ mode: "llm", text: "Nobody was hurt [1]." });
    expect(stub.requests.map((r) => r.body.response_format?.type)).toEqual(["json_schema", "json_schema"]);
    expect(logs.join("")).not.toContain("does not do structured output");
  });

  it("cuts a reply that never ends, or declares too many bytes, and falls back instead of holding it all", async ({ stub }) => {
    const note = `chat model unavailable: its reply was too large (from ${stub.baseURL})`;
    const plain = { bytes: 0 };
    const streamed = { bytes: 0 };
    stub.chat({ endless: true, sent: plain }, { endless: true, sent: streamed }, { declaredBytes: 5_000_000_000 });
    // Deadlines far off: the cut, not a deadline, must end these.
    const llm = () => answerer({ stub, logs: [] }, { timeoutMs: 60_000 });
    expect(await ask(llm())).toMatchObject({ mode: "extractive-fallback", note });
    expect(await ask(llm(), () => {})).toMatchObject({ mode: "extractive-fallback", note });
    expect(await ask(llm())).toMatchObject({ mode: "extractive-fallback", note });
    // The client hung up near the limit (the sockets' buffers hold a few megabytes more); it used to read on for ever.
    for (const sent of [plain, streamed]) expect(sent.bytes).toBeLessThan(chatReplyLimit(openaiConfig(stub.baseURL).openai.maxTokens) + 16 * 2 ** 20);
    expect(stub.requests).toHaveLength(3);
  });

  it("asks for text after a reply that is not JSON, and names the server when that fails to parse too", async ({ stub }) => {
    const notJson = { body: "this is not json", contentType: "application/json" };
    stub.chat(notJson, notJson);
    const draft = await ask(answerer({ stub, logs: [] }));
    expect(draft).toMatchObject({
      mode: "extractive-fallback",
      note: `the server's reply is not an OpenAI chat completion (from ${stub.baseURL}); check OPENAI_BASE_URL`,
    });
    expect(stub.requests.map((r) => r.body.response_format?.type)).toEqual(["json_schema", undefined]);
  });

  it("says exactly what is wrong with a bad key, logs it once and stops asking", async ({ stub, logs }) => {
    const llm = answerer({ stub, logs }, { apiKey: "sk-wrong-secret-key" });
    const first = await ask(llm);
    const second = await ask(llm, () => {});
    for (const draft of [first, second]) {
      expect(draft.mode).toBe("extractive-fallback");
      expect(draft.note).toBe(`the chat model rejected the API key (HTTP 401 from ${stub.baseURL}); check OPENAI_API_KEY`);
    }
    expect(stub.requests).toHaveLength(1);
    expect(logs.filter((l) => l.includes("rejected the API key"))).toHaveLength(1);
    expect(logs.join("\n")).not.toContain("sk-wrong-secret-key");
  });

  it("names an unknown model and where it was looked for", async ({ stub }) => {
    const draft = await ask(answerer({ stub, logs: [] }, { chatModel: "no-such-model" }));
    expect(draft.note).toBe(`chat model "no-such-model" not found at ${stub.baseURL}; check the model name and OPENAI_BASE_URL`);
  });

  it("refuses to start with neither a key nor a base URL", () => {
    expect(() => new LlmAnswerer({ config: { openai: { chatModel: "m", timeoutMs: 300, maxRetries: 0, maxTokens: 800 } }, fallback: quotingFallback })).toThrow(
      DossierError,
    );
  });
});

describe.concurrent("checkChatModel", () => {
  it("passes with one tiny completion", async ({ stub }) => {
    stub.chat({ text: "OK" });
    await checkChatModel(openaiConfig(stub.baseURL));
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]!.body.max_tokens).toBe(1);
  });

  it("throws one MODEL_UNAVAILABLE error for a bad key", async ({ stub }) => {
    const failure = await checkChatModel(openaiConfig(stub.baseURL, { apiKey: "nope" })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DossierError);
    expect(failure).toMatchObject({ code: "MODEL_UNAVAILABLE", message: expect.stringContaining("rejected the API key") });
  });

  it("gives up on a server that sends headers and stalls", async ({ stub }) => {
    stub.chat({ stall: "after-headers" });
    const failure = await checkChatModel(openaiConfig(stub.baseURL, { timeoutMs: 3_000, maxRetries: 2, deadlineSlackMs: 100 })).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "MODEL_UNAVAILABLE", message: "chat model unavailable: timeout (no complete reply within 3100 ms)" });
    expect(stub.requests).toHaveLength(1);
  });

  it("reports an unreachable server", async ({ stub }) => {
    await stub.close();
    const failure = await checkChatModel(openaiConfig(stub.baseURL)).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "MODEL_UNAVAILABLE", message: `chat model unavailable: cannot reach ${stub.baseURL}` });
  });
});
