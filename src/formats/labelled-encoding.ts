/**
 * windows-1252's bytes 0x80–0x9F: the euro sign, curly quotes, dashes, the ellipsis and a few letters. Node 20's
 * TextDecoder, asked for windows-1252 (or any label the Encoding Standard reads as it: iso-8859-1, latin1, us-ascii),
 * decodes them as ISO-8859-1's invisible C1 controls, so "€500" was cited as "500" and every curly quote of a page
 * vanished. The five bytes the encoding leaves undefined stay as they are, as the standard says.
 */
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/**
 * The encoding a page names in a `<meta>` near its top (`<meta charset="windows-1252">`, or an http-equiv's
 * `content="text/html; charset=…"`), if it names one.
 */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
}

/** Text in the encoding a page names (`<meta charset>`), by the Encoding Standard's label; throws for an unknown one. */
export function decodeLabelled(bytes: Uint8Array, label: string): string {
  const decoder = new TextDecoder(label);
  const text = decoder.decode(bytes);
  if (decoder.encoding !== "windows-1252") return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
