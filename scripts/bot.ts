import { parseCli } from "../src/cli/parse-cli.js";
import { runMain } from "../src/cli/run-main.js";
import { loadConfig } from "../src/config.js";

const USAGE = `usage: npm run bot
Runs the Discord bot (DISCORD_TOKEN in .env) until Ctrl-C or SIGTERM; builds or updates the index first.`;

runMain(async () => {
  parseCli({ options: {} }, USAGE);
  // Loaded after the arguments are checked, so --help and usage errors answer at once.
  const { startBot } = await import("../src/discord/start-bot.js");
  return startBot(loadConfig());
});
