import { loadConfig } from "../config.js";
import { parseCli } from "./parse-cli.js";
import { runRepl } from "./repl.js";
import { runMain } from "./run-main.js";

const USAGE = `usage: npm start
Runs the Discord bot when DISCORD_TOKEN is set, otherwise the REPL; builds or updates the index from the corpus first.`;

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the REPL. */
runMain(async (io) => {
  parseCli({ options: {} }, USAGE);
  const config = loadConfig(io.env);
  if (config.discord.token) {
    const { startBot } = await import("../discord/start-bot.js");
    return startBot(config);
  }
  return runRepl(config, io.stdin, io.stdout, { io });
});
