import { DossierError } from "../errors.js";
import type { FormatReader } from "./report-format.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** UTF-8 text checked to be prose, with a leading byte-order mark removed and line ends normalised to "\n". */
export function decodeText(bytes: Uint8Array, name: string): string {
  // What Windows Notepad long saved as "Unicode": its NUL bytes would otherwise call it binary, which it is not.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DossierError("BAD_REPORT", `${name}: UTF-16 text, not UTF-8; save it as UTF-8`);
  }
  if (bytes.includes(0)) throw new DossierError("BAD_REPORT", `${name}: binary file (contains NUL bytes)`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new DossierError("BAD_REPORT", `${name}: not valid UTF-8 text`);
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new DossierError("BAD_REPORT", `${name}: empty file`);
  // Control characters other than tab and newline mean the file is not prose.
  const controls = text.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F]/g)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.001) throw new DossierError("BAD_REPORT", `${name}: binary file`);
  return text;
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
