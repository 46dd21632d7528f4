import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// The logger writes to fd 2, so it is observed from a child process exactly as an operator would see it.
const logged = (code: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", `import { createLogger } from "./src/logger.ts";\n${code}`], {
    encoding: "utf8",
  }).stderr;

describe("createLogger", () => {
  it("redacts secrets by key and interaction tokens inside error URLs", () => {
    const out = logged(`
      const err = Object.assign(new Error("404 on PATCH https://discord.com/api/v10/webhooks/123456789012345678/aW50.tok-en/messages/@original"), { url: "https://x/api/v10/interactions/1/secret.tok/callback" });
      createLogger("info").error({ err, token: "bot-token-value", config: { apiKey: "sk-secret" } }, "failed");
    `);
    const line = JSON.parse(out.trim());
    expect(line.token).toBe("[redacted]");
    expect(line.config.apiKey).toBe("[redacted]");
    expect(line.err.message).toBe("404 on PATCH https://discord.com/api/v10/webhooks/123456789012345678/[redacted]/messages/@original");
    expect(line.err.url).toBe("https://x/api/v10/interactions/1/[redacted]/callback");
    expect(out).not.toMatch(/aW50\.tok-en|secret\.tok|bot-token-value|sk-secret/);
  });
});
