import { parseCli } from "../src/cli/parse-cli.js";
import { runMain } from "../src/cli/run-main.js";
import { loadConfig } from "../src/config.js";
import { registerCommands } from "../src/discord/register-commands.js";

const USAGE = `usage: npm run register-commands
Registers the slash commands with Discord: to DISCORD_GUILD_ID when set (at once), else globally (within minutes).`;

runMain(async () => {
  parseCli({ options: {} }, USAGE);
  const config = loadConfig();
  const { count, scope } = await registerCommands(config);
  const where = scope === "guild" ? `to guild ${config.discord.guildId} (available now)` : "globally (may take a few minutes to appear)";
  process.stdout.write(`Registered ${count} slash commands ${where}.\n`);
});
