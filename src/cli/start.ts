import { loadConfig } from "../config.js";
import { runRepl } from "./repl.js";
import { runMain } from "./run-main.js";

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the REPL. */
runMain(async () => {
  const config = loadConfig();
  if (config.discord.token) {
    const { startBot } = await import("../discord/start-bot.js");
    return startBot(config);
  }
  return runRepl(config);
});
