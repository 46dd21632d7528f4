import { lstat, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { REPORT_EXTENSIONS } from "./read-report.js";

/**
 * Every file under a folder, dot-files included (a removal's hidden copies are), in every folder but dot-folders,
 * which hold no report: one walk that a start shares between settling hidden copies and checking for changes. A folder
 * that cannot be read hides only what is in it. Links are followed, as a path named to ingest is: a corpus of links to
 * the reports kept elsewhere (`ln -s ~/reports/*.md corpus/`) was read as empty, without a word. A link that leads
 * nowhere (its target gone, or a loop) is listed as it is, so the ingest names it and why; a link back to a folder
 * already walked is not walked again.
 */
export async function filesUnder(dir: string, walked = new Set<string>()): Promise<string[]> {
  const real = await realpath(dir).catch(() => dir);
  if (walked.has(real)) return [];
  walked.add(real);
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    const kind = entry.isSymbolicLink() ? await stat(full).then((info) => (info.isDirectory() ? "folder" : info.isFile() ? "file" : undefined), () => "file") : entry.isDirectory() ? "folder" : entry.isFile() ? "file" : undefined;
    if (kind === "folder") {
      if (!entry.name.startsWith(".")) out.push(...(await filesUnder(full, walked)));
    } else if (kind === "file") out.push(full);
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

/**
 * The fingerprint of what is at a path. A link that leads nowhere (its target gone, or a loop) has one too, so its
 * refusal is remembered like any other and not said again at every start; nothing at the path has none.
 */
export async function fingerprintAt(file: string): Promise<string | undefined> {
  try {
    return fingerprint(await stat(file));
  } catch {
    return (await lstat(file).then(() => true, () => false)) ? "a link that leads nowhere" : undefined;
  }
}
