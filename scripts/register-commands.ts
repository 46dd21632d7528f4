import { parseCli } from "../src/cli/parse-cli.js";
import { runMain } from "../src/cli/run-main.js";
import { loadConfig } from "../src/config.js";

const USAGE = `usage: npm run register-commands
Registers the slash commands with Discord: to DISCORD_GUILD_ID when set (at once), else globally (within minutes).`;

runMain(async () => {
  parseCli({ options: {} }, USAGE);
  const config = loadConfig();
  // Loaded after the arguments are checked, so --help and usage errors answer at once.
  const { describeRegistration, registerCommands } = await import("../src/discord/register-commands.js");
  process.stdout.write(`${describeRegistration(await registerCommands(config), config)}\n`);
});
