import { runMain } from "../src/cli/run-main.js";
import { loadConfig } from "../src/config.js";
import { startBot } from "../src/discord/start-bot.js";

runMain(() => startBot(loadConfig()));
