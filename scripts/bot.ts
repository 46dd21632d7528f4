import { parseCli } from "../src/cli/parse-cli.js";
import { runMain } from "../src/cli/run-main.js";
import { loadConfig } from "../src/config.js";
import { startBot } from "../src/discord/start-bot.js";

const USAGE = `usage: npm run bot
Runs the Discord bot (DISCORD_TOKEN in .env) until Ctrl-C or SIGTERM; builds or updates the index first.`;

runMain(() => {
  parseCli({ options: {} }, USAGE);
  return startBot(loadConfig());
});
