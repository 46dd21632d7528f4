import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { DossierError } from "../errors.js";
import { extractReport, readerFor } from "../formats/read-format.js";
import { addressOf } from "../formats/source-addresses.js";
import { checkEnoughText } from "./enough-text.js";
import type { ReportOrigin } from "./records.js";

export { NOT_A_REPORT_TYPE, REPORT_EXTENSIONS } from "../formats/read-format.js";

export interface ReportFile {
  id: string;
  title: string;
  source: string;
  /** The extracted text: what sentence offsets point into. */
  text: string;
  hash: string;
  origin: ReportOrigin;
}

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

/**
 * The sha256 of a report file's bytes, and of its reader's revision when it has one: equal hashes mean the report
 * need not be read and embedded again, so a reader that now extracts differently gets its reports read again once.
 */
export function hashReport(bytes: Uint8Array, name?: string): string {
  const hash = createHash("sha256").update(bytes);
  const revision = name === undefined ? undefined : readerFor(name)?.revision;
  if (revision !== undefined) hash.update(`\0reader revision ${revision}`);
  return hash.digest("hex");
}

/** The hash a report file has now (hashReport), or none when it cannot be read: its reader is the one to say why. */
export async function hashOfReportFile(file: string): Promise<string | undefined> {
  const bytes = await readFile(file).catch(() => undefined);
  return bytes === undefined ? undefined : hashReport(bytes, path.basename(file));
}

/**
 * Reads, validates and extracts one report file of any supported format (src/formats/), refusing one with too little
 * text to answer questions from (enough-text.ts). Plain text is normalised to "\n" line ends; offsets refer to the
 * extracted text. Every ingest reads its files through here, so a refused file leaves the version ingested before
 * in place, and an upload or a page fetched (again) is put back as it was.
 */
export async function readReport(file: string, maxBytes: number): Promise<ReportFile> {
  const name = path.basename(file);
  const info = await stat(file);
  if (info.size > maxBytes) {
    throw new DossierError("BAD_REPORT", `${name}: ${info.size} bytes is over the ${maxBytes}-byte limit`);
  }
  const bytes = await readFile(file);
  const fetchedFrom = await addressOf(file);
  const { text, title, kind, url, byline, published, pageStarts } = await extractReport(bytes, name, maxBytes, { url: fetchedFrom });
  checkEnoughText(text, name);
  const id = reportIdFromPath(file);
  if (id === "") throw new DossierError("BAD_REPORT", `${name}: the file name gives no usable report id`);
  return {
    id,
    title: title ?? titleFromId(id),
    source: path.resolve(file),
    text,
    hash: hashReport(bytes, name),
    // Only a web page finds its own address in what it reads; a PDF or a Word file fetched by URL has it from the list beside it.
    origin: { kind, url: url ?? fetchedFrom, byline, published, pageStarts },
  };
}
