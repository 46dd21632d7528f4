import type { Config } from "../config.js";
import { createEngine } from "../engine.js";
import { createLogger } from "../logger.js";
import { requireToken } from "./client.js";
import { runBot } from "./run-bot.js";

/**
 * The bot as a process: loads (or builds) the index once, serves until SIGINT/SIGTERM, then finishes the answers
 * in progress, disconnects and closes the engine.
 */
export async function startBot(config: Config): Promise<void> {
  requireToken(config);
  const logger = createLogger(config.logLevel);
  const engine = await createEngine(config, { logger, onNotice: (message) => logger.info(message) });
  const stop = await runBot(config, engine, logger).catch(async (err: unknown) => {
    await engine.close();
    throw err;
  });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  logger.info({ signal }, "shutting down");
  await stop();
  await engine.close();
}
