import { OpenAIEmbeddings } from "@langchain/openai";
import type { Config } from "../config.js";
import { clientFields, retryPolicy } from "../openai/client-fields.js";
import { fetchWithDeadline, requestDeadlineMs } from "../openai/deadline.js";
import { describeModelFailure, modelUnavailableError } from "../openai/model-failure.js";
import { type RetryPolicy, withRetries } from "../openai/retry.js";
import { type NamedEmbeddings, normalize } from "./embeddings-contract.js";

type EmbeddingsSettings = Pick<Config, "openai" | "embeddingModel">;

/** Texts a request; LangChain's default, set here because the reply limit below rests on it. */
const BATCH_SIZE = 512;

/**
 * Most bytes an embeddings reply may have: a full batch of vectors of 4,096 floats at 32 bytes a float (more than the
 * longest number JSON writes a float as, with its comma) is 64 MiB, room for any honest reply; a runaway server is cut
 * there instead of being held whole in memory.
 */
export const EMBEDDINGS_REPLY_LIMIT = BATCH_SIZE * 4096 * 32;

export interface OpenAIEmbeddingsOptions {
  /** The first wait before a retry (default a second); tests shorten it. */
  firstRetryDelayMs?: number;
}

/**
 * OpenAI (or OpenAI-compatible) embeddings that name themselves `openai:<model>` for the index manifest, return unit
 * vectors (OpenAI's own models do, but compatible servers' often do not), and turn any failure into one
 * MODEL_UNAVAILABLE DossierError, so an ingest stops with a line a user can act on.
 */
export class NamedOpenAIEmbeddings extends OpenAIEmbeddings implements NamedEmbeddings {
  readonly embedder: { name: string; dimensions: number };
  private readonly openai: Config["openai"];
  private readonly retry: RetryPolicy;

  constructor(config: EmbeddingsSettings, dimensions: number, options: OpenAIEmbeddingsOptions = {}) {
    super({
      // The whole request under one deadline, since no signal of ours reaches LangChain's embeddings calls.
      ...clientFields(config.openai, EMBEDDINGS_REPLY_LIMIT, fetchWithDeadline(requestDeadlineMs(config.openai))),
      model: config.embeddingModel,
      batchSize: BATCH_SIZE,
      // The openai client asks for base64 by default, which some compatible servers do not implement.
      encodingFormat: "float",
    });
    this.openai = config.openai;
    this.retry = retryPolicy(config.openai, options.firstRetryDelayMs);
    this.embedder = { name: `openai:${config.embeddingModel}`, dimensions };
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    try {
      return (await super.embedDocuments(texts)).map(normalize);
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  override async embedQuery(text: string): Promise<number[]> {
    try {
      return normalize(await super.embedQuery(text));
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  /** Each batch request is retried on its own, so one failed batch does not send the others again. */
  protected override embeddingWithRetry(request: Parameters<OpenAIEmbeddings["embeddingWithRetry"]>[0]) {
    return withRetries(
      () => super.embeddingWithRetry(request),
      this.retry,
      (error) => describeModelFailure(error, this.openai).transient,
    );
  }

  private unavailable(error: unknown): Error {
    return modelUnavailableError(describeModelFailure(error, this.openai, { what: "embedding model", model: this.model }));
  }
}

/**
 * Builds the embedder and learns its dimensions by embedding one probe string: compatible servers serve models of
 * any size under any name, so a table of OpenAI's models would be wrong for them. The probe also proves the key,
 * URL and model work before an ingest starts.
 */
export async function createOpenAIEmbeddings(
  config: EmbeddingsSettings,
  options: OpenAIEmbeddingsOptions = {},
): Promise<NamedOpenAIEmbeddings> {
  const probe = new NamedOpenAIEmbeddings(config, 0, options);
  const dimensions = (await probe.embedQuery("dimension probe")).length;
  if (dimensions === 0) {
    throw modelUnavailableError({
      kind: "other",
      transient: false,
      permanent: true,
      message: `embedding model "${config.embeddingModel}" returned an empty vector`,
    });
  }
  return new NamedOpenAIEmbeddings(config, dimensions, options);
}
