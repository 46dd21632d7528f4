import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { DossierError } from "../errors.js";
import { addressRange, isPublicAddress } from "./address-policy.js";

export interface FetchPolicy {
  /** Which loopback, private and other non-public addresses may be fetched anyway (tests, private deployments). */
  privateAllowed: (address: string) => boolean;
  maxBytes: number;
  /** Redirects followed at most; each one is checked like the first address. */
  maxRedirects: number;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  /** When set, every address (redirects included) must be on one of these hosts. */
  allowedHosts?: readonly string[];
  /** When set, the response's content type (without parameters) must pass. */
  acceptContentType?: (type: string) => boolean;
}

export interface FetchedBody {
  /** The address the body came from, after redirects. */
  url: string;
  /** The media type, without parameters ("text/html"). */
  contentType: string;
  /** The `charset` parameter of the content type, when the server gave one. */
  charset?: string;
  bytes: Uint8Array;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches a URL for someone we do not trust. Only http and https; the host is resolved and every address it has must
 * be public (unless the policy allows private ones), and the socket connects to the address that was checked, so a
 * DNS answer that changes between check and connect cannot slip through. Redirects are followed by hand and each
 * is checked again; the body is read as a stream and cut at `maxBytes` whatever Content-Length claims.
 * Every refusal is a DossierError with a one-line reason.
 */
export async function safeFetch(rawUrl: string, policy: FetchPolicy): Promise<FetchedBody> {
  const deadline = AbortSignal.timeout(policy.totalTimeoutMs);
  let url = parseUrl(rawUrl);
  for (let redirects = 0; ; redirects++) {
    checkUrl(url, policy);
    const response = await request(url, policy, deadline);
    if (REDIRECTS.has(response.status)) {
      response.discard();
      if (redirects >= policy.maxRedirects) refuse(`${shown(rawUrl)}: more than ${policy.maxRedirects} redirects`);
      const location = response.headers.location;
      if (!location) throw new DossierError("FETCH_FAILED", `${shown(url.href)}: redirect without a Location`);
      url = parseUrl(location, url);
      continue;
    }
    if (response.status < 200 || response.status > 299) {
      response.discard();
      throw new DossierError("FETCH_FAILED", `${shown(url.href)}: the server answered HTTP ${response.status}`);
    }
    const [type, ...params] = (response.headers["content-type"] ?? "application/octet-stream").split(";");
    const contentType = type!.trim().toLowerCase();
    const charset = params.map((p) => /^\s*charset\s*=\s*"?([\w.:-]+)"?\s*$/i.exec(p)?.[1]).find(Boolean);
    if (policy.acceptContentType && !policy.acceptContentType(contentType)) {
      response.discard();
      refuse(`${shown(url.href)}: content type ${contentType} is not a report Dossier can read`);
    }
    const declared = Number(response.headers["content-length"]);
    if (Number.isFinite(declared) && declared > policy.maxBytes) {
      response.discard();
      refuse(`${shown(url.href)}: ${declared} bytes is over the ${policy.maxBytes}-byte limit`);
    }
    return { url: url.href, contentType, ...(charset ? { charset } : {}), bytes: await response.body(policy.maxBytes, url) };
  }
}

function parseUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    refuse(`${shown(raw)}: not a valid URL`);
  }
  return url;
}

function checkUrl(url: URL, policy: FetchPolicy): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") refuse(`${shown(url.href)}: only http and https addresses can be fetched`);
  if (url.username || url.password) refuse(`${shown(url.href)}: addresses with a user name or password are not fetched`);
  if (policy.allowedHosts && !policy.allowedHosts.includes(url.hostname.toLowerCase())) {
    refuse(`${shown(url.href)}: ${url.hostname} is not an allowed host here (${policy.allowedHosts.join(", ")})`);
  }
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !allowed(literal, policy)) refuse(notPublic(url, literal));
}

/** Resolves like the OS does, then refuses the host if any of its addresses is not public. */
function checkedLookup(url: URL, policy: FetchPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(new DossierError("FETCH_FAILED", `${shown(url.href)}: cannot resolve ${hostname}`, { cause: error }), "", 4);
      const list = addresses as Array<{ address: string; family: number }>;
      const bad = list.find((a) => !allowed(a.address, policy));
      if (bad) return callback(new DossierError("URL_REFUSED", notPublic(url, bad.address)), "", 4);
      if (options.all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

interface OpenResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  discard(): void;
  body(maxBytes: number, url: URL): Promise<Uint8Array>;
}

function request(url: URL, policy: FetchPolicy, deadline: AbortSignal): Promise<OpenResponse> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, {
      method: "GET",
      lookup: checkedLookup(url, policy),
      // A fresh connection each time: a pooled socket would skip the lookup, and with it the address check.
      agent: false,
      signal: deadline,
      headers: { "user-agent": "Dossier (report ingest)", accept: "text/html, application/pdf, text/plain, */*;q=0.5" },
    });
    const connectTimer = setTimeout(() => {
      req.destroy(new DossierError("FETCH_FAILED", `${shown(url.href)}: no connection within ${policy.connectTimeoutMs / 1000} s`));
    }, policy.connectTimeoutMs);
    req.on("socket", (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once("connect", () => clearTimeout(connectTimer));
    });
    req.on("error", (error) => {
      clearTimeout(connectTimer);
      reject(explain(error, url, policy, deadline));
    });
    req.on("response", (res) => {
      clearTimeout(connectTimer);
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        discard: () => res.destroy(),
        body: (maxBytes) =>
          new Promise((done, fail) => {
            const parts: Buffer[] = [];
            let size = 0;
            res.on("data", (part: Buffer) => {
              size += part.length;
              if (size > maxBytes) {
                fail(new DossierError("URL_REFUSED", `${shown(url.href)}: the body is over the ${maxBytes}-byte limit`));
                res.destroy();
              } else parts.push(part);
            });
            res.on("end", () => done(new Uint8Array(Buffer.concat(parts))));
            res.on("error", (error) => fail(explain(error, url, policy, deadline)));
            res.on("aborted", () => fail(explain(new Error("the connection closed early"), url, policy, deadline)));
          }),
      });
    });
    req.end();
  });
}

function explain(error: unknown, url: URL, policy: FetchPolicy, deadline: AbortSignal): DossierError {
  if (error instanceof DossierError) return error;
  if (deadline.aborted) {
    return new DossierError("FETCH_FAILED", `${shown(url.href)}: no complete answer within ${policy.totalTimeoutMs / 1000} s`, { cause: error });
  }
  const code = (error as NodeJS.ErrnoException).code;
  return new DossierError("FETCH_FAILED", `${shown(url.href)}: could not fetch it (${code ?? (error instanceof Error ? error.message : String(error))})`, { cause: error });
}

function allowed(address: string, policy: FetchPolicy): boolean {
  return isPublicAddress(address) || policy.privateAllowed(address);
}

function notPublic(url: URL, address: string): string {
  return `${shown(url.href)}: ${url.hostname} is ${addressRange(address)} address (${address}), not a public one; refused`;
}

function refuse(message: string): never {
  throw new DossierError("URL_REFUSED", message);
}

/** A URL fit for a message: user info removed, and cut short. */
function shown(raw: string): string {
  let text = raw;
  try {
    const url = new URL(raw);
    url.username = "";
    url.password = "";
    text = url.href;
  } catch {
    // Not a URL: shown as given, cut short.
  }
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
