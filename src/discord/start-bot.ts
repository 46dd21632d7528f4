import type { Logger } from "pino";
import type { Config } from "../config.js";
import { createEngine } from "../engine.js";
import { checkModel } from "../engine/check-model.js";
import { createLogger } from "../logger.js";
import { requireToken } from "./client.js";
import { runBot } from "./run-bot.js";

/** The start's steps that can fail after the engine is open; a test replaces them to make one fail. */
export interface StartSteps {
  createEngine: typeof createEngine;
  probeChatModel: typeof probeChatModel;
}

/**
 * The bot as a process: loads (or builds) the index once, checks the chat model if one is configured, serves until
 * SIGINT/SIGTERM, then finishes the answers in progress, disconnects and closes the engine.
 */
export async function startBot(config: Config, steps: StartSteps = { createEngine, probeChatModel }): Promise<void> {
  requireToken(config);
  const logger = createLogger(config.logLevel);
  const engine = await steps.createEngine(config, { logger, onNotice: (message) => logger.info(message) });
  // The engine holds a database pool and the ingest child: a start that fails after it opened must close it.
  const stop = await steps.probeChatModel(config, logger)
    .then(() => runBot(config, engine, logger))
    .catch(async (err: unknown) => {
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

/**
 * Logs what the engine's start-up check of the chat model found, so a bad key, model name or URL shows in the log
 * at start rather than at the first question. A failure is one warning and never stops the bot: answers fall back
 * to extractive ones, and a supervisor restarting the process would only fail the same way again.
 */
export async function probeChatModel(config: Config, logger: Logger): Promise<void> {
  const check = await checkModel(config);
  if (check.status === "ok") logger.info({ model: check.model }, "chat model answered the start-up check");
  if (check.status === "failed") {
    logger.warn(`${check.message}; starting anyway, answers fall back to extractive ones while the chat model fails`);
    if (check.cause !== undefined) logger.debug({ err: check.cause }, "chat model start-up check failure in detail");
  }
}
