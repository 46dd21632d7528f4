import { ApplicationCommandOptionType, DiscordAPIError, REST, Routes, type RESTPostAPIApplicationCommandsJSONBody } from "discord.js";
import { ConfigError, type Config } from "../config.js";
import { commands } from "./commands/index.js";
import { unreachableDiscord } from "./unreachable.js";

export interface Registration {
  count: number;
  scope: "guild" | "global";
}

/**
 * Replaces the application's slash commands with ours in one PUT, so running it twice changes nothing.
 * Guild commands appear at once (for development); global ones can take a while to reach every client.
 */
export async function registerCommands(config: Config): Promise<Registration> {
  const { token, appId, guildId, apiUrl } = config.discord;
  if (token === undefined) throw new ConfigError("DISCORD_TOKEN is not set: put the bot token in .env");
  if (appId === undefined) throw new ConfigError("DISCORD_APP_ID is not set: copy the Application ID from the developer portal into .env");

  const rest = new REST({ version: "10", ...(apiUrl === undefined ? {} : { api: apiUrl }) }).setToken(token);
  const route = guildId === undefined ? Routes.applicationCommands(appId) : Routes.applicationGuildCommands(appId, guildId);
  try {
    await rest.put(route, { body: commands.map((c) => withQuestionLimit(c.data.toJSON(), config.maxQuestionChars)) });
  } catch (err) {
    throw unreachableDiscord(err, apiUrl) ?? explain(err);
  }
  return { count: commands.length, scope: guildId === undefined ? "global" : "guild" };
}

/** Discord's own cap on a string option. */
const DISCORD_MAX_LENGTH = 6000;

/**
 * The question option carries the configured limit, so Discord stops a question that is too long as it is typed
 * rather than refusing it after it was sent; it lives in the configuration, so it is set here and not in the command.
 */
function withQuestionLimit(json: RESTPostAPIApplicationCommandsJSONBody, maxQuestionChars: number): RESTPostAPIApplicationCommandsJSONBody {
  if (!("options" in json) || json.options === undefined) return json;
  const options = json.options.map((o) =>
    o.name === "question" && o.type === ApplicationCommandOptionType.String ? { ...o, max_length: Math.min(maxQuestionChars, DISCORD_MAX_LENGTH) } : o,
  );
  return { ...json, options } as RESTPostAPIApplicationCommandsJSONBody;
}

/** The one line `npm run register-commands` prints. */
export function describeRegistration({ count, scope }: Registration, config: Config): string {
  const where = scope === "guild" ? `to guild ${config.discord.guildId} (available now)` : "globally (may take a few minutes to appear)";
  return `Registered ${count} slash commands ${where}.`;
}

/** Turns Discord's answers into the one line a person needs to fix their configuration. */
function explain(err: unknown): Error {
  if (!(err instanceof DiscordAPIError)) return err instanceof Error ? err : new Error(String(err));
  if (err.status === 401) return new ConfigError("Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the bot token again");
  if (err.status === 403) return new ConfigError("Discord refused (403): is the bot in that guild, invited with the applications.commands scope?");
  if (err.status === 404) return new ConfigError("Discord does not know that application or guild (404): check DISCORD_APP_ID and DISCORD_GUILD_ID");
  return new Error(`Discord refused the commands (${err.status}): ${err.message}`);
}
