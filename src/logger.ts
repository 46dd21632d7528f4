import { destination, pino, type Logger } from "pino";

/**
 * Structured JSON logs on stderr, so stdout stays clean for answers and `--json` output.
 * Secrets are redacted by key name wherever they appear in a logged object.
 */
export function createLogger(level: string = "info"): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ["token", "apiKey", "*.token", "*.apiKey", "*.OPENAI_API_KEY", "*.DISCORD_TOKEN", "headers.authorization"],
        censor: "[redacted]",
      },
    },
    destination(2),
  );
}

export const silentLogger: Logger = pino({ level: "silent" });
