import type { Config } from "../config.js";
import { withHeaderCharset } from "../formats/header-charset.js";
import { readerFor } from "../formats/read-format.js";
import { parsePrivateAllowance } from "../core/private-allowance.js";
import { type FetchedBody, type FetchPolicy, safeFetch } from "./safe-fetch.js";

const MAX_REDIRECTS = 3;
const CONNECT_TIMEOUT_MS = 10_000;
/** Discord's own attachment hosts: an attachment URL anywhere else is not Discord's and is not fetched. */
export const DISCORD_ATTACHMENT_HOSTS = ["cdn.discordapp.com", "media.discordapp.net"];

/**
 * A report web page (or a PDF, Word or text file on the web), fetched under the safe-fetch rules; a page keeps the
 * encoding its server named (withHeaderCharset).
 */
export async function fetchReportUrl(url: string, config: Config): Promise<FetchedBody> {
  const fetched = await safeFetch(url, { ...basePolicy(config), acceptContentType: (type) => readerFor("", type) !== undefined });
  return { ...fetched, bytes: withHeaderCharset(fetched.bytes, fetched.contentType, fetched.charset) };
}

function basePolicy(config: Config): FetchPolicy {
  return {
    // Validated when the configuration was loaded.
    privateAllowed: parsePrivateAllowance(config.fetch.allowPrivateUrls)!,
    maxBytes: config.maxReportBytes,
    maxRedirects: MAX_REDIRECTS,
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
    totalTimeoutMs: config.fetch.timeoutMs,
  };
}

/**
 * A Discord attachment, from Discord's attachment hosts only (or the host of DISCORD_API_URL, where a test or
 * self-hosted Discord serves them), redirects included; the file name decides its format, not the content type.
 */
export function downloadAttachment(url: string, config: Config): Promise<FetchedBody> {
  const apiHost = config.discord.apiUrl ? new URL(config.discord.apiUrl).hostname : undefined;
  return safeFetch(url, { ...basePolicy(config), allowedHosts: apiHost ? [...DISCORD_ATTACHMENT_HOSTS, apiHost] : DISCORD_ATTACHMENT_HOSTS });
}
