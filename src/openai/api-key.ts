import type { Config } from "../config.js";
import { DossierError } from "../errors.js";

/** Local servers ignore the key, but the openai client refuses to start without one. */
export function apiKeyFor(openai: Config["openai"]): string {
  if (openai.apiKey !== undefined) return openai.apiKey;
  if (openai.baseURL !== undefined) return "not-needed";
  throw new DossierError(
    "MODEL_UNAVAILABLE",
    "A chat model or OpenAI embeddings need OPENAI_API_KEY, or OPENAI_BASE_URL for a local OpenAI-compatible server.",
  );
}
