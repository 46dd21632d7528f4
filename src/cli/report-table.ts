import path from "node:path";
import { shorten } from "../display/safe-text.js";
import type { ReportRecord } from "../engine-types.js";
import { terminalText } from "./format-answer.js";

const TITLE_CHARS = 40;

/**
 * The reports as an aligned table for a terminal: id, title, sentences, when it was ingested (local time) and the
 * file it came from (relative to the working folder when inside it).
 */
export function formatReportTable(reports: readonly ReportRecord[], cwd = process.cwd()): string {
  if (reports.length === 0) return "No reports are loaded; add report files to the corpus folder and run npm run ingest.";
  const rows = [...reports]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => [terminalText(r.id), terminalText(shorten(r.title, TITLE_CHARS)), String(r.sentenceCount), localTime(r.ingestedAt), source(r.source, cwd)]);
  const header = ["ID", "TITLE", "SENTENCES", "INGESTED", "SOURCE"];
  // A loop, not Math.max(...rows): spreading a large corpus's rows as arguments overflows the stack.
  const widths = header.map((h, i) => rows.reduce((most, row) => Math.max(most, (row[i] ?? "").length), h.length));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

/** `YYYY-MM-DD HH:MM` in the machine's time zone, which is what a person at the terminal reads their clock in. */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "unknown";
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function source(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return terminalText(relative.startsWith("..") || path.isAbsolute(relative) ? file : relative);
}
