import type { Config } from "../config.js";
import { createEngine } from "../engine.js";
import type { Engine } from "../engine-types.js";
import { createLogger } from "../logger.js";

/** The engine as the terminal tools use it: quiet logs, notices about index building on stderr. */
export function openEngine(config: Config): Promise<Engine> {
  return createEngine(config, {
    logger: createLogger(config.logLevel ?? "warn"),
    onNotice: (message) => process.stderr.write(`${message}\n`),
  });
}
