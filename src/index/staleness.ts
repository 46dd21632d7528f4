import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.js";
import { DossierError } from "../errors.js";
import { readManifest } from "./index-files.js";
import { decodeReport, REPORT_EXTENSIONS, reportIdFromPath } from "./read-report.js";

/**
 * Whether the index must be (re)built from the corpus folder before answering: it is missing or unreadable, or a
 * report in the corpus folder was added, changed or deleted since the last ingest. An index built by another
 * embedder is not stale but mismatched, and is refused when loaded.
 */
export async function findStaleness(config: Config, embedderName: string): Promise<{ notice: string } | undefined> {
  const corpus = path.relative(process.cwd(), config.corpusDir) || ".";
  let manifest;
  try {
    manifest = await readManifest(config.indexDir);
  } catch (error) {
    if (error instanceof DossierError) return { notice: `The index is unreadable; rebuilding it from ${corpus}/…` };
    throw error;
  }
  if (!manifest) return { notice: `No index yet: building it from ${corpus}/ (first run only)…` };
  if (manifest.embedder.name !== embedderName) return undefined;

  const files = await corpusFiles(config.corpusDir);
  const byId = new Map(manifest.reports.map((r) => [r.id, r]));
  for (const file of files) {
    const known = byId.get(reportIdFromPath(file));
    if ((await stat(file)).size > config.maxReportBytes) continue;
    const bytes = await readFile(file);
    // A file ingest would refuse anyway (empty, binary, not UTF-8) must not trigger an update at every start.
    if (!isValidReport(bytes, file, config.maxReportBytes)) continue;
    const hash = createHash("sha256").update(bytes).digest("hex");
    if (!known || known.hash !== hash) return { notice: `${corpus}/ changed since the last ingest; updating the index…` };
  }
  const inCorpus = new Set(files);
  const gone = manifest.reports.some((r) => path.dirname(r.source) === config.corpusDir && !inCorpus.has(r.source));
  return gone ? { notice: `A report was removed from ${corpus}/; updating the index…` } : undefined;
}

function isValidReport(bytes: Buffer, file: string, maxBytes: number): boolean {
  try {
    decodeReport(bytes, path.basename(file), maxBytes);
    return true;
  } catch {
    return false;
  }
}

async function corpusFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith(".") && REPORT_EXTENSIONS.includes(path.extname(e.name).toLowerCase()))
    .map((e) => path.join(dir, e.name));
}
