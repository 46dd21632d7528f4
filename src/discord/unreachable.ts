import { ConfigError } from "../config.js";

const DISCORD_API = "https://discord.com/api";
/** Error codes that mean Discord could not be reached at all (DNS, routing, refused, reset, timed out). */
const NETWORK_CODES = new Set(["EAI_AGAIN", "ENOTFOUND", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/**
 * The one line for a Discord that could not be reached, whether the bot was logging in or commands were being
 * registered: what failed is the network, not the configuration, and "getaddrinfo ENOTFOUND discord.com" says neither.
 * Undefined when `err` is something else.
 */
export function unreachableDiscord(err: unknown, apiUrl: string | undefined): ConfigError | undefined {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (NETWORK_CODES.has(String((e as NodeJS.ErrnoException).code))) {
      const host = new URL(apiUrl ?? DISCORD_API).host;
      return new ConfigError(`cannot reach Discord (${host}): check the network / proxy / DNS`, { cause: err });
    }
  }
  return undefined;
}
