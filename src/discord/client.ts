import { Client, GatewayIntentBits } from "discord.js";
import { ConfigError, type Config } from "../config.js";
import { NO_MENTIONS } from "./replies.js";

/**
 * Slash commands, autocomplete and buttons all arrive as interactions, which need only the Guilds intent;
 * no privileged intents (message content, members) are requested. `apiUrl` points REST (and thus the gateway
 * URL it returns) at another server, which is how tests run against a local fake Discord.
 */
export function createClient(config: Config): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(config.discord.apiUrl === undefined ? {} : { rest: { api: config.discord.apiUrl } }),
  });
}

/** Checked before the index is loaded, so a missing token fails in a moment rather than after a build. */
export function requireToken(config: Config): string {
  const token = config.discord.token;
  if (token === undefined) {
    throw new ConfigError("DISCORD_TOKEN is not set: put the bot token from the Discord developer portal in .env");
  }
  return token;
}
