import { OpenAIEmbeddings } from "@langchain/openai";
import { apiKeyFor } from "../answer/llm-chat-model.js";
import { describeModelFailure, modelUnavailableError, retryOnlyTransient } from "../answer/llm-failure.js";
import type { Config } from "../config.js";
import type { NamedEmbeddings } from "./local-use-embeddings.js";

/**
 * OpenAI (or OpenAI-compatible) embeddings that name themselves `openai:<model>` for the index manifest and turn
 * any failure into one MODEL_UNAVAILABLE DossierError, so an ingest stops with a line a user can act on.
 */
export class NamedOpenAIEmbeddings extends OpenAIEmbeddings implements NamedEmbeddings {
  readonly embedder: { name: string; dimensions: number };
  private readonly openai: Config["openai"];

  constructor(config: Pick<Config, "openai" | "embeddingModel">, dimensions: number) {
    super({
      model: config.embeddingModel,
      apiKey: apiKeyFor(config.openai),
      configuration: { baseURL: config.openai.baseURL },
      // The openai client asks for base64 by default, which some compatible servers do not implement.
      encodingFormat: "float",
      timeout: config.openai.timeoutMs,
      maxRetries: config.openai.maxRetries,
      onFailedAttempt: retryOnlyTransient(config.openai),
    });
    this.openai = config.openai;
    this.embedder = { name: `openai:${config.embeddingModel}`, dimensions };
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    try {
      return await super.embedDocuments(texts);
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  override async embedQuery(text: string): Promise<number[]> {
    try {
      return await super.embedQuery(text);
    } catch (error) {
      throw this.unavailable(error);
    }
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
  config: Pick<Config, "openai" | "embeddingModel">,
): Promise<NamedOpenAIEmbeddings> {
  const probe = new NamedOpenAIEmbeddings(config, 0);
  const dimensions = (await probe.embedQuery("dimension probe")).length;
  if (dimensions === 0) {
    throw modelUnavailableError({
      kind: "other",
      transient: false,
      permanent: true,
      message: `embedding model "${config.embeddingModel}" returned an empty vector`,
    });
  }
  return new NamedOpenAIEmbeddings(config, dimensions);
}
