import path from "node:path";
import { loadConfig, type Config } from "../../src/config.js";
import * as interactions from "./discord-interactions.js";
import { APP_ID } from "./fake-discord.js";

/**
 * Settings for a bot against the fake Discord, with its corpus and data under `dir`: extractive answers, silent
 * logs, the fake's ids, and 127.0.0.1 allowed for fetching, since the fake serves attachments there.
 */
export function fakeBotConfig(dir: string, apiUrl: string, extra: Record<string, string> = {}): Config {
  return loadConfig({
    CORPUS_DIR: path.join(dir, "corpus"),
    DATA_DIR: path.join(dir, "data"),
    ANSWER_MODE: "extractive",
    LOG_LEVEL: "silent",
    DISCORD_TOKEN: "fake-token",
    DISCORD_APP_ID: APP_ID,
    DISCORD_GUILD_ID: interactions.GUILD_ID,
    DISCORD_API_URL: apiUrl,
    ALLOW_PRIVATE_URLS: "127.0.0.1",
    ...extra,
  });
}
