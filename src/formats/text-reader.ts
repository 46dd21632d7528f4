import { DossierError } from "../errors.js";
import type { FormatReader } from "./report-format.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Text checked to be prose, with a leading byte-order mark removed and line ends normalised to "\n": UTF-8, or UTF-16
 * when a byte-order mark says so.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  const utf16 = utf16Encoding(bytes);
  // UTF-16 text is mostly NUL bytes, so only its decoded text can show a NUL that says it is binary.
  if (!utf16 && bytes.includes(0)) throw new DossierError("BAD_REPORT", `${name}: binary file (contains NUL bytes)`);
  let text: string;
  try {
    text = utf16 ? new TextDecoder(utf16, { fatal: true }).decode(bytes) : utf8.decode(bytes);
  } catch {
    throw new DossierError("BAD_REPORT", `${name}: not valid ${utf16 ? "UTF-16" : "UTF-8"} text`);
  }
  if (utf16 && text.includes("\0")) throw new DossierError("BAD_REPORT", `${name}: binary file (contains NUL characters)`);
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new DossierError("BAD_REPORT", `${name}: empty file`);
  // Control characters other than tab and newline mean the file is not prose.
  const controls = text.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F]/g)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.001) throw new DossierError("BAD_REPORT", `${name}: binary file`);
  return text;
}

/**
 * The UTF-16 byte order a leading byte-order mark names, as Windows Notepad long saved "Unicode" text; without a mark
 * a file is read as UTF-8.
 */
function utf16Encoding(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/** Plain text: the text is the file; a leading `# Title` line is the title. */
export const textReader: FormatReader = {
  extensions: [".txt"],
  contentTypes: ["text/plain"],
  async read(bytes, name) {
    const text = decodeText(bytes, name);
    return { kind: "text", text, title: leadingTitle(text) };
  },
};

/** The title a text gives itself in a leading `# Title` line (Markdown's heading, closing `#`s optional). */
export function leadingTitle(text: string): string | undefined {
  return /^\s*#\s+(.+?)\s*#*\s*$/.exec(text.split("\n").find((l) => l.trim() !== "") ?? "")?.[1];
}
