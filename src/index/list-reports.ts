import { readdir } from "node:fs/promises";
import path from "node:path";
import { REPORT_EXTENSIONS } from "./read-report.js";

/** The .txt and .md files under a folder, recursively, hidden ones left out, sorted: what ingest reads from it. */
export async function reportFilesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await reportFilesIn(full)));
    else if (entry.isFile() && REPORT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) out.push(full);
  }
  return out.sort();
}

/** Size and modification time: enough to notice that a refused file was replaced, without reading it. */
export function fingerprint(info: { size: number; mtimeMs: number }): string {
  return `${info.size}:${Math.round(info.mtimeMs)}`;
}
