import { destination, pino, stdSerializers, type Logger } from "pino";

// Discord interaction and webhook tokens sit inside API URLs that errors quote; they are credentials for 15 minutes.
const URL_TOKEN = /\/(interactions|webhooks)\/(\d+)\/[\w.-]+/g;
const scrub = (text: unknown) => (typeof text === "string" ? text.replace(URL_TOKEN, "/$1/$2/[redacted]") : text);

/**
 * Structured JSON logs on stderr, so stdout stays clean for answers and `--json` output.
 * Secrets are redacted by key name wherever they appear in a logged object, and tokens inside URLs of errors.
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
      serializers: {
        err: (err: Error) => {
          const out = stdSerializers.err(err) as unknown as Record<string, unknown>;
          for (const key of ["message", "stack", "url"]) if (key in out) out[key] = scrub(out[key]);
          return out;
        },
      },
    },
    destination(2),
  );
}

export const silentLogger: Logger = pino({ level: "silent" });
