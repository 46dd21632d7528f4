import { fileURLToPath } from "node:url";
import { parseCli } from "../src/cli/parse-cli.js";
import { runMain } from "../src/cli/run-main.js";
import { loadConfig } from "../src/config.js";

const USAGE = `usage: npm run bot
Runs the Discord bot (DISCORD_TOKEN in .env) until Ctrl-C or SIGTERM; builds or updates the index first.
With SHARDS=auto or SHARDS=<count>, runs that many shard processes under discord.js's ShardingManager instead.`;

runMain(async () => {
  parseCli({ options: {} }, USAGE);
  const config = loadConfig();
  // Loaded after the arguments are checked, so --help and usage errors answer at once; a ShardingManager loads only
  // discord.js, not the engine (a second of CPU and the model's runtime in a process that answers nothing).
  const { isShard, runShards } = await import("../src/discord/run-shards.js");
  const shards = config.discord.shards;
  if (isShard() || shards === undefined) {
    const { startBot } = await import("../src/discord/start-bot.js");
    // A shard process runs this same file; discord.js tells it which shard it is through the environment. Its channel
    // to the manager would keep it alive after the bot stopped.
    return isShard() ? startBot(config).finally(() => process.disconnect?.()) : startBot(config);
  }
  const { createLogger } = await import("../src/logger.js");
  return runShards(config, shards, fileURLToPath(import.meta.url), createLogger(config.logLevel));
});
