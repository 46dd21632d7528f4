import type { Config } from "../config.js";
import { errorCode } from "../core/error-code.js";
import { DossierError } from "../errors.js";

export type ModelFailureKind =
  | "auth"
  | "model-not-found"
  | "timeout"
  | "rate-limit"
  | "quota"
  | "server"
  | "network"
  | "rejected"
  | "not-openai"
  | "empty-reply"
  | "too-large"
  | "aborted"
  | "other";

export interface ModelFailure {
  kind: ModelFailureKind;
  /** Worth retrying after a pause: the same request may well succeed. */
  transient: boolean;
  /** Will fail the same way until the configuration changes, so there is no point asking again. */
  permanent: boolean;
  /** One line for the user and the log; never contains the API key or the server's raw error text. */
  message: string;
  status?: number;
}

export const DEFAULT_BASE_URL = "https://api.openai.com/v1";

/**
 * Thrown by our code when a deadline of ours ran out (the openai client's own timeout stops applying once a reply's
 * headers have arrived). The message says which deadline, e.g. "the reply stalled for more than 20000 ms".
 */
export class ModelDeadlineError extends Error {
  override readonly name = "ModelDeadlineError";
}

/** Thrown by our code for a 200 reply that is not an OpenAI chat completion, e.g. a stream with no events in it. */
export class NotAChatCompletionError extends Error {
  override readonly name = "NotAChatCompletionError";
}

/**
 * Thrown by our code for a chat completion with no text in it, e.g. a reasoning model that spent CHAT_MAX_TOKENS
 * before writing a word: that is no answer, not the model saying the reports lack one.
 */
export class EmptyReplyError extends Error {
  override readonly name = "EmptyReplyError";
}

/** Thrown by our fetch (bounded-fetch.ts) for a reply body over its client's limit (chatReplyLimit, EMBEDDINGS_REPLY_LIMIT). */
export class ReplyTooLargeError extends Error {
  override readonly name = "ReplyTooLargeError";
}

/**
 * Classifies an error from @langchain/openai or the openai client. Shapes are matched by duck typing (status,
 * name, code) because LangChain re-wraps some client errors and the openai package is not our direct dependency.
 */
export function describeModelFailure(
  error: unknown,
  openai: Config["openai"],
  subject: { what: string; model: string } = { what: "chat model", model: openai.chatModel },
): ModelFailure {
  const baseURL = openai.baseURL ?? DEFAULT_BASE_URL;
  const status = statusOf(error);
  const name = errorName(error);
  const unavailable = (kind: ModelFailureKind, transient: boolean, why: string): ModelFailure => ({
    kind,
    transient,
    permanent: false,
    message: `${subject.what} unavailable: ${why}`,
    ...(status === undefined ? {} : { status }),
  });

  if (error instanceof ModelDeadlineError) return unavailable("timeout", true, `timeout (${error.message})`);
  if (error instanceof EmptyReplyError) return unavailable("empty-reply", false, "its reply was empty");
  // The client may re-wrap what our fetch threw while it read the body.
  if (error instanceof ReplyTooLargeError || causeOf(error) instanceof ReplyTooLargeError) {
    return unavailable("too-large", false, `its reply was too large (from ${baseURL})`);
  }
  if (name === "AbortError" || name === "APIUserAbortError") return unavailable("aborted", false, "request cancelled");
  if (name === "TimeoutError" || name === "APIConnectionTimeoutError") {
    return unavailable("timeout", true, `timeout (no reply within ${openai.timeoutMs} ms)`);
  }
  if (status === 401 || status === 403) {
    return {
      kind: "auth",
      transient: false,
      permanent: true,
      status,
      message:
        status === 401
          ? `the ${subject.what} rejected the API key (HTTP 401 from ${baseURL}); check OPENAI_API_KEY`
          : `the ${subject.what} refused access with this API key (HTTP 403 from ${baseURL}); check OPENAI_API_KEY`,
    };
  }
  if (status === 404) {
    return {
      kind: "model-not-found",
      transient: false,
      permanent: true,
      status,
      message: `${subject.what} "${subject.model}" not found at ${baseURL}; check the model name and OPENAI_BASE_URL`,
    };
  }
  if (status === 429) {
    return errorCode(error) === "insufficient_quota"
      ? unavailable("quota", false, "the API account has no quota left (HTTP 429)")
      : unavailable("rate-limit", true, "rate limited (HTTP 429)");
  }
  if (status !== undefined && status >= 500) return unavailable("server", true, `server error (HTTP ${status})`);
  if (status !== undefined) return unavailable("rejected", false, `request rejected (HTTP ${status})`);
  if (name === "APIConnectionError" || isNetworkCode(errorCode(error) ?? errorCode(causeOf(error)))) {
    return unavailable("network", true, `cannot reach ${baseURL}`);
  }
  if (error instanceof NotAChatCompletionError || name === "SyntaxError" || name === "TypeError") {
    // A 200 whose body the client could not read as a completion: JSON.parse failed (SyntaxError) or the parsed
    // body lacked `choices` (TypeError). Usually OPENAI_BASE_URL points at a web page or a different kind of API.
    const expected = subject.what.startsWith("embedding") ? "an OpenAI embeddings response" : "an OpenAI chat completion";
    return {
      kind: "not-openai",
      transient: false,
      permanent: false,
      message: `the server's reply is not ${expected} (from ${baseURL}); check OPENAI_BASE_URL`,
    };
  }
  return unavailable("other", false, name ?? "unexpected error");
}

/** The DossierError for a failure, with a cause safe to log: the server's text may echo part of the key. */
export function modelUnavailableError(failure: ModelFailure): DossierError {
  return new DossierError("MODEL_UNAVAILABLE", failure.message, {
    cause: { kind: failure.kind, status: failure.status },
  });
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const direct = (error as { status?: unknown }).status;
  if (typeof direct === "number") return direct;
  const response = (error as { response?: { status?: unknown } }).response;
  return typeof response?.status === "number" ? response.status : undefined;
}

function errorName(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  return error.name !== "Error" ? error.name : error.constructor.name;
}

function causeOf(error: unknown): unknown {
  return error instanceof Error ? error.cause : undefined;
}

function isNetworkCode(code: string | undefined): boolean {
  return code !== undefined && ["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"].includes(code);
}
