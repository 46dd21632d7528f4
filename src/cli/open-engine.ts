import type { Config } from "../config.js";
import { createEngine } from "../engine.js";
import type { Engine } from "../engine-types.js";
import { createLogger } from "../logger.js";
import { processIo, type CliIo } from "./run-main.js";

/**
 * The engine as the terminal tools use it: quiet logs and notices about index building, both on stderr. Each notice
 * printed is added to `shown`, so a command can avoid printing the same line again as an error.
 */
export function openEngine(config: Config, io: CliIo = processIo(), shown = new Set<string>()): Promise<Engine> {
  return createEngine(config, {
    logger: terminalLogger(config, io),
    onNotice: (message) => {
      shown.add(message);
      io.stderr.write(`${message}\n`);
    },
  });
}

/** JSON logs at `warn` unless LOG_LEVEL says otherwise, on the command's stderr. */
export function terminalLogger(config: Config, io: CliIo) {
  return createLogger(config.logLevel ?? "warn", io.stderr === process.stderr ? undefined : io.stderr);
}
