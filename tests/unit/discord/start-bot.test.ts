import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { startBot } from "../../../src/discord/start-bot.js";
import type { Engine } from "../../../src/engine-types.js";

describe("startBot", () => {
  it("closes the engine when the chat-model check throws", async () => {
    let closed = 0;
    const engine = { close: async () => void (closed += 1) } as unknown as Engine;
    const config = loadConfig({ DISCORD_TOKEN: "fake-token", LOG_LEVEL: "silent" });
    const start = startBot(config, {
      createEngine: async () => engine,
      probeChatModel: async () => {
        throw new Error("the check broke");
      },
    });
    await expect(start).rejects.toThrow("the check broke");
    expect(closed).toBe(1);
  });
});
