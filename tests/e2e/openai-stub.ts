import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sourceIdOf } from "../helpers/prompt-sources.js";

/**
 * A scriptable OpenAI-compatible server on 127.0.0.1, so tests drive the real @langchain/openai client over HTTP.
 * Chat replies come from a queue scripted per test; embeddings are deterministic vectors hashed from the text.
 */

/** One scripted chat reply. The same reply serves plain, streamed, json_schema and tool-call requests. */
export type ChatReply =
  | { text: string; delayMs?: number }
  /** Structured output: sent as a tool call when the request has tools, else as JSON content. */
  | { json: unknown; delayMs?: number }
  | { status: number; message?: string; code?: string; headers?: Record<string, string>; delayMs?: number }
  /**
   * A reply that starts and then stalls until the client hangs up: `after-headers` sends a 200 and its headers (plus
   * the opening bytes of a JSON body when not streaming) and nothing more; `after-first-chunk` also streams the
   * role chunk and the first piece of `text` (when not streaming it behaves like `after-headers`).
   */
  | { stall: "after-headers" | "after-first-chunk"; text?: string; delayMs?: number }
  /** A 200 whose body is not a chat completion at all: an HTML page, text that is not JSON, JSON of another shape. */
  | { body: string; contentType: string; delayMs?: number }
  /**
   * A 200 whose body never ends (a runaway server), or that declares `declaredBytes` in Content-Length and sends a
   * little; `sent` counts the bytes written, so a test can check the client hung up.
   */
  | { endless: true; sent?: { bytes: number }; delayMs?: number }
  | { declaredBytes: number; delayMs?: number };

type EmbeddingsFailure = Extract<ChatReply, { status: number }> | { stall: "after-headers" } | Extract<ChatReply, { endless: true }>;

/** A reply, or one made from the request, e.g. citing a sentence by the id the prompt gave it (see `citing`). */
export type ChatScript = ChatReply | ((body: Record<string, any>) => ChatReply);

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, any>;
}

export interface OpenAIStubOptions {
  /** When set, any other bearer token gets a 401 like OpenAI's. */
  apiKey?: string;
  /** When set, other model names get a 404 like OpenAI's. */
  models?: string[];
  dimensions?: number;
  /** Computes a chat reply from the request whenever none is queued (a queued reply always goes first). */
  respond?: (body: Record<string, any>) => ChatReply;
  /** The length of the embedding vectors served (default 1); compatible servers' vectors are often not unit length. */
  vectorLength?: number;
}

export interface OpenAIStub {
  baseURL: string;
  requests: RecordedRequest[];
  /** Queues chat replies, served in order; an empty queue answers 500 so a missing script is loud. */
  chat(...replies: ChatScript[]): void;
  /** Queues embeddings failures (an error status, a 200 whose body never comes or never ends); with an empty queue embeddings always succeed. */
  failEmbeddings(...replies: EmbeddingsFailure[]): void;
  close(): Promise<void>;
}

export async function startOpenAIStub(options: OpenAIStubOptions = {}): Promise<OpenAIStub> {
  const chatQueue: ChatScript[] = [];
  const embeddingQueue: EmbeddingsFailure[] = [];
  const requests: RecordedRequest[] = [];
  const dimensions = options.dimensions ?? 8;
  const vectorLength = options.vectorLength ?? 1;

  const server = createServer(async (req, res) => {
    const body = await readJson(req);
    const path = (req.url ?? "").replace(/\?.*$/, "");
    requests.push({ path, authorization: req.headers.authorization, body });

    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendError(res, { status: 401, message: "Incorrect API key provided.", code: "invalid_api_key" });
    }
    if (options.models && typeof body.model === "string" && !options.models.includes(body.model)) {
      return sendError(res, {
        status: 404,
        message: `The model \`${body.model}\` does not exist.`,
        code: "model_not_found",
      });
    }
    if (req.method === "POST" && path === "/v1/chat/completions") {
      const queued = chatQueue.shift() ?? options.respond?.(body) ?? { status: 500, message: "stub: no scripted reply" };
      const script = typeof queued === "function" ? queued(body) : queued;
      if (script.delayMs) await sleep(script.delayMs, res);
      if (res.destroyed) return;
      if ("status" in script) return sendError(res, script);
      if ("stall" in script) return stall(res, body, script);
      if ("body" in script) {
        res.writeHead(200, { "content-type": script.contentType });
        return void res.end(script.body);
      }
      if ("endless" in script) return endless(res, body, script.sent ?? { bytes: 0 });
      if ("declaredBytes" in script) {
        res.writeHead(200, { "content-type": "application/json", "content-length": String(script.declaredBytes) });
        return void res.write(`{"id":"chatcmpl-stub",`);
      }
      return body.stream ? streamChat(res, body, script) : sendChat(res, body, script);
    }
    if (req.method === "POST" && path === "/v1/embeddings") {
      const failure = embeddingQueue.shift();
      if (failure && "stall" in failure) return stall(res, body, failure);
      if (failure && "endless" in failure) return endless(res, body, failure.sent ?? { bytes: 0 });
      if (failure) return sendError(res, failure);
      return sendEmbeddings(res, body, dimensions, vectorLength);
    }
    sendError(res, { status: 404, message: `stub: no route ${req.method} ${path}` });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    chat: (...replies) => void chatQueue.push(...replies),
    failEmbeddings: (...replies) => void embeddingQueue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A text reply `answer [S#]…` citing the sources that hold each of `sentences` under the ids this request's prompt
 * gave them (ids follow reading order, so a test cannot know them in advance). A sentence not in the prompt is
 * cited as `S0`, an id never handed out, so a test expecting it fails loudly.
 */
export function citing(answer: string, ...sentences: string[]): (body: Record<string, any>) => ChatReply {
  return (body) => ({ text: `${answer} ${sentences.map((s) => `[${sourceIdOf(body, s)}]`).join("")}.` });
}

/** The deterministic vector the stub returns for `text`, for tests that compare. */
export function stubVector(text: string, dimensions: number): number[] {
  const digest = createHash("sha256").update(text).digest();
  const raw = Array.from({ length: dimensions }, (_, i) => digest[i % digest.length]! / 255 - 0.5 + i * 1e-3);
  const norm = Math.hypot(...raw);
  return raw.map((v) => v / norm);
}

async function readJson(req: IncomingMessage): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? {} : (JSON.parse(text) as Record<string, any>);
}

/** Resolves after `ms`, or early when the client hangs up (a timed-out request), so close() is never held up. */
function sleep(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    res.on("close", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function sendError(
  res: ServerResponse,
  script: { status: number; message?: string; code?: string; headers?: Record<string, string> },
): void {
  res.writeHead(script.status, { "content-type": "application/json", ...script.headers });
  res.end(
    JSON.stringify({
      error: { message: script.message ?? `stub error ${script.status}`, type: "stub_error", code: script.code ?? null },
    }),
  );
}

function completionBase(body: Record<string, any>, object: string) {
  return { id: "chatcmpl-stub", object, created: Math.floor(Date.now() / 1000), model: body.model };
}

function sendChat(res: ServerResponse, body: Record<string, any>, script: { text: string } | { json: unknown }): void {
  const toolName: string | undefined = body.tools?.[0]?.function?.name;
  const message =
    "json" in script && toolName
      ? {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "call_stub", type: "function", function: { name: toolName, arguments: JSON.stringify(script.json) } },
          ],
        }
      : { role: "assistant", content: "json" in script ? JSON.stringify(script.json) : script.text };
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      ...completionBase(body, "chat.completion"),
      choices: [{ index: 0, message, finish_reason: toolName ? "tool_calls" : "stop" }],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    }),
  );
}

/** Server-sent events, a few characters per chunk, like a real server's token stream. */
function streamChat(res: ServerResponse, body: Record<string, any>, script: { text: string } | { json: unknown }): void {
  const text = "json" in script ? JSON.stringify(script.json) : script.text;
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const send = (delta: Record<string, unknown>, finish: string | null) =>
    res.write(
      `data: ${JSON.stringify({ ...completionBase(body, "chat.completion.chunk"), choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
    );
  send({ role: "assistant", content: "" }, null);
  for (let i = 0; i < text.length; i += 12) send({ content: text.slice(i, i + 12) }, null);
  send({}, "stop");
  res.end("data: [DONE]\n\n");
}

/** Writes a reply's opening and then filler, as fast as the client reads it, until the client hangs up. */
function endless(res: ServerResponse, body: Record<string, any>, sent: { bytes: number }): void {
  res.writeHead(200, { "content-type": body.stream ? "text/event-stream" : "application/json" });
  const filler = Buffer.alloc(1 << 20, body.stream ? ":" : " ");
  const write = () => {
    while (!res.destroyed) {
      sent.bytes += filler.length;
      if (!res.write(filler)) return void res.once("drain", write);
    }
  };
  res.write(body.stream ? ": stub\n" : `{"id":"chatcmpl-stub","pad":"`);
  write();
}

/** Starts a reply and never finishes it; the socket stays open until the client aborts or the stub closes. */
function stall(res: ServerResponse, body: Record<string, any>, script: { stall: string; text?: string }): void {
  if (!body.stream) {
    res.writeHead(200, { "content-type": "application/json" });
    res.write(`{"id":"chatcmpl-stub","object":"chat.completion",`);
    return;
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  if (script.stall === "after-headers") return void res.flushHeaders();
  const send = (delta: Record<string, unknown>) =>
    res.write(
      `data: ${JSON.stringify({ ...completionBase(body, "chat.completion.chunk"), choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`,
    );
  send({ role: "assistant", content: "" });
  send({ content: (script.text ?? "The river rose [S1].").slice(0, 12) });
}

function sendEmbeddings(res: ServerResponse, body: Record<string, any>, dimensions: number, length: number): void {
  const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
  const data = inputs.map((input, index) => {
    const vector = stubVector(input, dimensions).map((x) => x * length);
    const embedding =
      body.encoding_format === "base64" ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector;
    return { object: "embedding", index, embedding };
  });
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ object: "list", data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
}
