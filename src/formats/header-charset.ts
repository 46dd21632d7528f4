import { metaCharset } from "./labelled-encoding.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A web page whose encoding only its server's header names (`Content-Type: text/html; charset=iso-8859-1`, as servers
 * set a default for every page) carries it in its own bytes as a `<meta charset>` put first: the page is saved as a
 * file and read again from it, where the header is gone, and such a page was refused as "not valid UTF-8". A page
 * that is valid UTF-8, names its encoding itself, or has no charset in its header is kept byte for byte.
 */
export function withHeaderCharset(bytes: Uint8Array, contentType: string, charset: string | undefined): Uint8Array {
  if (contentType !== "text/html" || charset === undefined || /^utf-?8$/i.test(charset)) return bytes;
  if (metaCharset(bytes) !== undefined) return bytes;
  try {
    utf8.decode(bytes);
    return bytes;
  } catch {
    const meta = new TextEncoder().encode(`<meta charset="${charset}">\n`);
    const out = new Uint8Array(meta.length + bytes.length);
    out.set(meta);
    out.set(bytes, meta.length);
    return out;
  }
}
