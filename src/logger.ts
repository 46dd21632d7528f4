import { destination as fileDescriptor, pino, stdSerializers, type DestinationStream, type Logger } from "pino";
import { redactUrlCredentials } from "./display/safe-text.js";

// Discord interaction and webhook tokens sit inside API URLs that errors quote; they are credentials for 15 minutes.
const URL_TOKEN = /\/(interactions|webhooks)\/(\d+)\/[\w.-]+/g;
const scrub = (text: unknown) =>
  typeof text === "string" ? redactUrlCredentials(text.replace(URL_TOKEN, "/$1/$2/[redacted]")) : text;

/** A message, or the string fields of a logged object (a `baseURL` field, say); errors go through the serializer. */
function scrubArgument(arg: unknown): unknown {
  if (typeof arg === "string") return scrub(arg);
  if (arg === null || typeof arg !== "object" || arg instanceof Error || Object.getPrototypeOf(arg) !== Object.prototype) return arg;
  return Object.fromEntries(Object.entries(arg).map(([key, value]) => [key, scrub(value)]));
}

/**
 * Structured JSON logs, on stderr unless told otherwise, so stdout stays clean for answers and `--json` output.
 * Secrets are redacted by key name wherever they appear in a logged object; tokens and `user:password@` inside
 * URLs are redacted in messages and errors.
 */
export function createLogger(level: string = "info", destination: DestinationStream = fileDescriptor(2)): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ["token", "apiKey", "*.token", "*.apiKey", "*.OPENAI_API_KEY", "*.DISCORD_TOKEN", "headers.authorization"],
        censor: "[redacted]",
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map(scrubArgument) as Parameters<typeof method>);
        },
      },
      serializers: {
        err: (err: Error) => {
          const out = stdSerializers.err(err) as unknown as Record<string, unknown>;
          for (const key of ["message", "stack", "url"]) if (key in out) out[key] = scrub(out[key]);
          return out;
        },
      },
    },
    destination,
  );
}

export const silentLogger: Logger = pino({ level: "silent" });
