import path from "node:path";
import { DossierError } from "../errors.js";
import { docxReader } from "./docx-reader.js";
import { htmlReader } from "./html-reader.js";
import { markdownReader } from "./markdown-reader.js";
import { pdfReader } from "./pdf-reader.js";
import type { ExtractedReport, FormatReader, ReadOptions } from "./report-format.js";
import { decodeText, textReader } from "./text-reader.js";

const READERS: readonly FormatReader[] = [textReader, markdownReader, pdfReader, htmlReader, docxReader];

/** Every file extension a report may have, lowercase with the dot. */
export const REPORT_EXTENSIONS: readonly string[] = READERS.flatMap((r) => r.extensions);

/** Why a file of any other type is not read, with the types that are. */
export const NOT_A_REPORT_TYPE = `not a supported report type (${REPORT_EXTENSIONS.join(", ")})`;

/**
 * The reader for a content type when one is given and known (a server's word on what it sent beats the look of its
 * URL; `text/html; charset=utf-8` works), else for the file name's extension.
 */
export function readerFor(name: string, contentType?: string): FormatReader | undefined {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  const byType = type ? READERS.find((r) => r.contentTypes.includes(type)) : undefined;
  const ext = path.extname(name).toLowerCase();
  return byType ?? READERS.find((r) => r.extensions.includes(ext));
}

/** Extracts a report from its bytes, after the checks every format shares; BAD_REPORT with a one-line reason else. */
export async function extractReport(bytes: Uint8Array, name: string, maxBytes: number, options: ReadOptions & { contentType?: string } = {}): Promise<ExtractedReport> {
  return precheckReport(bytes, name, maxBytes, options.contentType).read(bytes, name, options);
}

const MAGIC: ReadonlyArray<[FormatReader, string, string]> = [
  [pdfReader, "%PDF-", "not a PDF file"],
  [docxReader, "PK\u0003\u0004", "not a Word (.docx) document"],
];

/**
 * The checks that cost nothing: a known type, the size, not empty, a PDF or Word file that starts as one, and plain
 * text decoded. Where a process must stay responsive (the bot), this runs before a file is saved; parsing a PDF,
 * Word file or web page is left to the ingest, in its own process, which refuses what it cannot read.
 */
export function precheckReport(bytes: Uint8Array, name: string, maxBytes: number, contentType?: string): FormatReader {
  const reader = readerFor(name, contentType);
  if (!reader) throw new DossierError("BAD_REPORT", `${name}: ${NOT_A_REPORT_TYPE}`);
  if (bytes.length > maxBytes) {
    throw new DossierError("BAD_REPORT", `${name}: ${bytes.length} bytes is over the ${maxBytes}-byte limit`);
  }
  if (bytes.length === 0) throw new DossierError("BAD_REPORT", `${name}: empty file`);
  for (const [format, magic, what] of MAGIC) {
    if (reader === format && new TextDecoder("latin1").decode(bytes.subarray(0, magic.length)) !== magic) {
      throw new DossierError("BAD_REPORT", `${name}: ${what}`);
    }
  }
  if (reader === textReader || reader === markdownReader) decodeText(bytes, name);
  return reader;
}

/** The 1-based page an offset of a PDF's extracted text falls on. */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
