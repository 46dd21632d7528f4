import { randomUUID } from "node:crypto";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.js";
import { DossierError } from "../errors.js";
import { forgetAddress } from "../formats/source-addresses.js";
import type { IndexStore } from "../store/index-store.js";
import { openIndexStore } from "../store/open-index-store.js";
import { unknownReportError } from "./unknown-report.js";

export interface RemovedReport {
  id: string;
  title: string;
  /** The corpus file that was deleted with it, when the report came from the corpus folder. */
  deletedFile?: string;
}

/**
 * Drops one report from the index with the same atomic swap as ingest, under the same lock. A report whose file is
 * in the corpus folder loses that file too (else the next start would ingest it again); a file elsewhere is the
 * user's and is left alone. The file is moved aside first and put back if the new index cannot be made live, so a
 * crash at any point leaves either the old index with its file or the new one without.
 */
export async function removeReport(id: string, config: Config, store: IndexStore): Promise<RemovedReport> {
  return store.withWriteLock(async (lock) => {
    // The manifest is enough: removing a report rewrites no report's data.
    const live = await store.readManifest();
    const record = live?.reports.find((r) => r.id === id);
    if (!live || !record) throw unknownReportError([id], live?.reports.map((r) => r.id) ?? []);
    const inCorpus = record.source.startsWith(config.corpusDir + path.sep);
    const aside = inCorpus ? path.join(path.dirname(record.source), `.${path.basename(record.source)}.${randomUUID()}.removed`) : undefined;
    if (aside) await rename(record.source, aside).catch(ignoreMissing);
    try {
      const { checksums: _, segments: __, ...manifest } = live;
      const draft = { ...manifest, reports: manifest.reports.filter((r) => r.id !== id), updatedAt: new Date().toISOString() };
      await store.write(draft, new Map(), { beforeSwap: () => lock.assertHeld() });
    } catch (error) {
      if (aside) await rename(aside, record.source).catch(ignoreMissing);
      throw error;
    }
    if (aside) {
      await rm(aside, { force: true });
      await forgetAddress(record.source);
    }
    return { id, title: record.title, ...(inCorpus && { deletedFile: record.source }) };
  });
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== "ENOENT") throw error;
}


/**
 * `npm run remove`'s use case: removes each id in turn from the configured index without loading a model, and
 * tells `onResult` how each went (an unknown id is a DossierError there, and the rest still run).
 */
export async function removeReports(config: Config, ids: string[], onResult: (id: string, result: RemovedReport | DossierError) => void): Promise<void> {
  const store = await openIndexStore(config);
  try {
    for (const id of ids) {
      try {
        onResult(id, await removeReport(id, config, store));
      } catch (error) {
        if (!(error instanceof DossierError)) throw error;
        onResult(id, error);
      }
    }
  } finally {
    await store.close();
  }
}
