import type { Config } from "../config.js";
import type { DossierEmbeddings } from "./embeddings-contract.js";
import { LocalUseEmbeddings } from "./local-use-embeddings.js";

/** The embedder the configuration names; the index manifest records its name so a mismatch is caught. */
export async function createEmbeddings(config: Config): Promise<DossierEmbeddings> {
  if (config.embeddings === "openai") {
    const { createOpenAIEmbeddings } = await import("./openai-embeddings.js");
    return createOpenAIEmbeddings(config);
  }
  return new LocalUseEmbeddings();
}
