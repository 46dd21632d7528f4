import { readdir } from "node:fs/promises";
import path from "node:path";
import { REPORT_EXTENSIONS } from "./read-report.js";

/**
 * Every file under a folder, dot-files included (a removal's hidden copies are), in every folder but dot-folders,
 * which hold no report: one walk that a start shares between settling hidden copies and checking for changes. A folder
 * that cannot be read hides only what is in it.
 */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".")) out.push(...(await filesUnder(full)));
    } else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** The report files among a folder's files (`filesUnder`), hidden ones left out, sorted: what ingest reads from it. */
export function reportFilesAmong(files: readonly string[]): string[] {
  return files
    .filter((file) => {
      const name = path.basename(file);
      return !name.startsWith(".") && REPORT_EXTENSIONS.includes(path.extname(name).toLowerCase());
    })
    .sort();
}

/**
 * The files under a folder, recursively, hidden ones left out, sorted: the report files ingest reads from it, and the
 * others, of a type it does not read (a spreadsheet or an image saved beside the reports), which it names.
 */
export async function reportFilesIn(dir: string): Promise<{ reports: string[]; others: string[] }> {
  const files = await filesUnder(dir);
  const reports = reportFilesAmong(files);
  const isReport = new Set(reports);
  return { reports, others: files.filter((file) => !isReport.has(file) && !path.basename(file).startsWith(".")).sort() };
}

/** Size and modification time: enough to notice that a refused file was replaced, without reading it. */
export function fingerprint(info: { size: number; mtimeMs: number }): string {
  return `${info.size}:${Math.round(info.mtimeMs)}`;
}
