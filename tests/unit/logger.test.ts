import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";

/** A logger writing into an array, read exactly as an operator would read the JSON lines. */
function capture(level = "info") {
  const lines: string[] = [];
  const logger = createLogger(level, { write: (line: string) => void lines.push(line) });
  return { logger, lines, text: () => lines.join("") };
}

describe("createLogger", () => {
  it("redacts secrets by key and interaction tokens inside error URLs", () => {
    const { logger, lines, text } = capture();
    const err = Object.assign(new Error("404 on PATCH https://discord.com/api/v10/webhooks/123456789012345678/aW50.tok-en/messages/@original"), {
      url: "https://x/api/v10/interactions/1/secret.tok/callback",
    });
    logger.error({ err, token: "bot-token-value", config: { apiKey: "sk-secret" } }, "failed");
    const line = JSON.parse(lines[0]!);
    expect(line.token).toBe("[redacted]");
    expect(line.config.apiKey).toBe("[redacted]");
    expect(line.err.message).toBe("404 on PATCH https://discord.com/api/v10/webhooks/123456789012345678/[redacted]/messages/@original");
    expect(line.err.url).toBe("https://x/api/v10/interactions/1/[redacted]/callback");
    expect(text()).not.toMatch(/aW50\.tok-en|secret\.tok|bot-token-value|sk-secret/);
  });

  it("redacts user:password@ in URLs in messages and errors", () => {
    const { logger, lines, text } = capture();
    const url = "http://admin:S3CRETPASS@127.0.0.1:9/v1";
    logger.warn(`chat model unavailable: cannot reach ${url}; starting anyway`);
    logger.error({ err: new Error(`fetch ${url} failed`), baseURL: url }, "failed");
    expect(JSON.parse(lines[1]!).baseURL).toBe("http://[redacted]@127.0.0.1:9/v1");
    expect(JSON.parse(lines[0]!).msg).toBe("chat model unavailable: cannot reach http://[redacted]@127.0.0.1:9/v1; starting anyway");
    expect(text()).not.toContain("S3CRETPASS");
  });
});
