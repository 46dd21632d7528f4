import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { DossierError } from "../errors.js";

export const REPORT_EXTENSIONS = [".txt", ".md"];

export interface ReportFile {
  id: string;
  title: string;
  source: string;
  text: string;
  hash: string;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Report id from a file name: lowercase, no extension, letters, digits, "-" and "_" only, so it is safe in commands and paths. */
export function reportIdFromPath(file: string): string {
  return path
    .basename(file, path.extname(file))
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

function titleFromId(id: string): string {
  return id
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

/** The sha256 of a report file's bytes: equal hashes mean the report need not be embedded again. */
export function hashReport(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Checks a report's bytes and decodes them; throws BAD_REPORT with the one-line reason otherwise. */
export function decodeReport(bytes: Uint8Array, name: string, maxBytes: number): string {
  if (!REPORT_EXTENSIONS.includes(path.extname(name).toLowerCase())) {
    throw new DossierError("BAD_REPORT", `${name}: not a .txt or .md file`);
  }
  if (bytes.length > maxBytes) {
    throw new DossierError("BAD_REPORT", `${name}: ${bytes.length} bytes is over the ${maxBytes}-byte limit`);
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

/** Reads and validates one report file. The text is normalised to "\n" line ends; offsets refer to that text. */
export async function readReport(file: string, maxBytes: number): Promise<ReportFile> {
  const name = path.basename(file);
  const info = await stat(file);
  if (info.size > maxBytes) {
    throw new DossierError("BAD_REPORT", `${name}: ${info.size} bytes is over the ${maxBytes}-byte limit`);
  }
  const bytes = await readFile(file);
  const text = decodeReport(bytes, name, maxBytes);
  const id = reportIdFromPath(file);
  if (id === "") throw new DossierError("BAD_REPORT", `${name}: the file name gives no usable report id`);
  const heading = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(text.split("\n").find((l) => l.trim() !== "") ?? "");
  return {
    id,
    title: heading?.[1] ?? titleFromId(id),
    source: path.resolve(file),
    text,
    hash: hashReport(bytes),
  };
}
