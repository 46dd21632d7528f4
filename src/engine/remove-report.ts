import { rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { corpusName } from "../core/corpus-name.js";
import { DossierError } from "../errors.js";
import { forgetAddress } from "../formats/source-addresses.js";
import type { IndexStore } from "../store/index-store.js";
import { openIndexStore } from "../store/open-index-store.js";
import { hiddenCopyOf } from "./hidden-copies.js";
import { pathProblem } from "./path-problem.js";
import { asKnownIds } from "./typed-report-ids.js";
import { unknownReportError } from "./unknown-report.js";

export interface RemovedReport {
  id: string;
  title: string;
  /** The corpus file that was deleted with it, when the report came from the corpus folder. */
  deletedFile?: string;
}

/**
 * Drops the named reports from the index in one atomic swap, as ingest makes them, under the same lock: all of them,
 * or, when any id is unknown, none (a half-done removal would leave the user to work out which ids went). A report
 * whose file is in the corpus folder loses that file too (else the next start would ingest it again); a file
 * elsewhere is the user's and is left alone. The files are moved aside (as `.<name>.<uuid>.removed`) first and put
 * back if the new index cannot be made live. A crash is not undone: after the swap it leaves the new index, those
 * hidden copies and, for a page fetched by URL, its address in `.sources.json`; between moving the files aside and
 * the swap, the old index with its files hidden.
 * Either way the next start or ingest settles the copies (settleHiddenCopies): a report the live index still lists
 * gets its file back, any other's copy is deleted; `ingest --refresh` fetches no page whose file is gone, and forgets
 * its address.
 */
export async function removeReports(ids: string[], config: Config, store: IndexStore, logger: Logger): Promise<RemovedReport[]> {
  // Nothing named is nothing to change: no new generation for the watchers to load.
  if (ids.length === 0) return [];
  return store.withWriteLock(async (lock) => {
    // The manifest is enough: removing a report rewrites no report's data.
    const live = await store.readManifest();
    const known = live?.reports.map((r) => r.id) ?? [];
    const wanted = asKnownIds(ids, known);
    const unknown = wanted.filter((id) => !known.includes(id));
    if (!live || unknown.length > 0) throw unknownReportError(unknown, known, "so nothing was removed");
    const records = wanted.map((id) => live.reports.find((r) => r.id === id)!);
    const moved: { source: string; aside: string }[] = [];
    try {
      for (const { source } of records) {
        if (!source.startsWith(config.corpusDir + path.sep)) continue;
        const aside = hiddenCopyOf(source);
        await rename(source, aside).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw notMovedAside(error, source, config.corpusDir);
        });
        moved.push({ source, aside });
      }
      const { checksums: _, segments: __, ...manifest } = live;
      const draft = { ...manifest, reports: manifest.reports.filter((r) => !wanted.includes(r.id)), updatedAt: new Date().toISOString() };
      await store.write(draft, new Map(), { beforeSwap: () => lock.assertHeld() });
    } catch (error) {
      // Every file is put back that can be, whichever one cannot; the failure reported is the one that stopped the
      // removal, and a file left hidden is logged with where it is.
      for (const { source, aside } of moved) {
        await rename(aside, source).catch((restoreError: NodeJS.ErrnoException) => {
          if (restoreError.code !== "ENOENT") logger.error({ err: restoreError, file: source, hiddenAs: aside }, "a report's file could not be put back after a failed removal");
        });
      }
      throw error;
    }
    // The removal is live from here: a hidden copy or an address left behind is untidy, not a failed removal. The
    // address cannot bring the page back, since `ingest --refresh` skips (and forgets) an address whose file is gone.
    for (const { source, aside } of moved) {
      await rm(aside, { force: true }).catch((err: unknown) => logger.warn({ err, file: aside }, "a removed report's hidden copy could not be deleted"));
      await forgetAddress(source).catch((err: unknown) => logger.warn({ err, file: source }, "a removed report's address could not be forgotten"));
    }
    const deleted = new Set(moved.map((m) => m.source));
    return records.map((r) => ({ id: r.id, title: r.title, ...(deleted.has(r.source) && { deletedFile: r.source }) }));
  });
}

/**
 * A report's file that cannot be moved aside (no permission, a file where a folder should be) stops the removal, in
 * one line that names the file within the corpus folder: the line may go to a Discord user, and the system's own text
 * holds the server's path. It is named by the report's file, not by the hidden name it was going to (which
 * pathProblem would name, as it names any rename by its destination).
 */
function notMovedAside(error: NodeJS.ErrnoException, source: string, corpusDir: string): DossierError {
  const problem =
    pathProblem({ code: error.code, path: source }, corpusDir) ??
    `${corpusName(source, corpusDir)}: could not be moved aside (${error.code ?? "an unexpected error"})`;
  return new DossierError("REMOVE_FAILED", `${problem}; nothing was removed`, { cause: error });
}

/** `npm run remove`'s use case: `removeReports` on the configured index, without loading a model. */
export async function removeReportsFromIndex(config: Config, ids: string[], logger: Logger): Promise<RemovedReport[]> {
  const store = await openIndexStore(config);
  try {
    return await removeReports(ids, config, store, logger);
  } finally {
    await store.close();
  }
}
