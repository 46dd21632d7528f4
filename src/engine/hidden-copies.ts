import { randomUUID } from "node:crypto";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { isGone } from "../core/is-gone.js";
import { DossierError } from "../errors.js";
import { filesUnder } from "../index/list-reports.js";
import type { IndexStore } from "../store/index-store.js";

/**
 * Where a removal hides a report's file (`.<name>.<uuid>.removed` beside it: a dot-file, never read as a report)
 * until the index without the report is live, so a failed swap can put the file back.
 */
export function hiddenCopyOf(source: string): string {
  return path.join(path.dirname(source), `.${path.basename(source)}.${randomUUID()}.removed`);
}

const HIDDEN_COPY = /^\.(.+)\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.removed$/;

/**
 * Settles the hidden copies of a removal whose process died before it ended, which would otherwise stay forever: a
 * report the live index still lists gets its file back (the removal never went live, and without its file the next
 * ingest of the corpus folder would drop it as deleted); a report it no longer lists was removed, so its copy is
 * deleted. A copy whose report's file is back by other means is deleted too. Done under the write lock, where no
 * removal is under way (a live one holds the lock from moving its files until it has deleted them). An index whose
 * list of reports cannot be read says nothing about them, so they are left as they are; the repair that follows
 * rebuilds it from the corpus folder without their reports, so the next start deletes them: the removal the user
 * asked for ends done, as after a swap. `listed` is the corpus folder's files (`filesUnder`) when the caller has
 * walked it already. Says whether there were copies to settle: if so, files may have moved and a listing is stale.
 */
export async function settleHiddenCopies(corpusDir: string, store: IndexStore, logger: Logger, listed?: readonly string[]): Promise<boolean> {
  // Looked for before the lock is taken, so a start with nothing to settle never waits for it.
  if (hiddenCopiesAmong(listed ?? (await filesUnder(corpusDir))).length === 0) return false;
  await store.withWriteLock(async () => {
    const manifest = await store.readManifest().catch((error: unknown) => {
      if (error instanceof DossierError && error.code === "INDEX_CORRUPT") return null;
      throw error;
    });
    if (manifest === null || manifest === undefined) {
      logger.warn({ corpusDir }, "hidden copies of removed reports left as they are: the index cannot say which removals went live");
      return;
    }
    const indexed = new Set(manifest.reports.map((r) => r.source));
    // Looked for again under the lock: another process may have settled them meanwhile.
    for (const { copy, source } of hiddenCopiesAmong(await filesUnder(corpusDir))) {
      try {
        if (indexed.has(source) && (await isGone(source))) {
          await rename(copy, source);
          logger.warn({ file: source, hiddenAs: copy }, "put back a report's file hidden by a removal that never went live");
        } else {
          await rm(copy, { force: true });
          logger.warn({ file: source, hiddenAs: copy }, "deleted the hidden copy of a removed report");
        }
      } catch (err) {
        logger.warn({ err, file: source, hiddenAs: copy }, "a hidden copy of a removed report could not be settled");
      }
    }
  });
  return true;
}

/**
 * The hidden copies among the files under a folder (`filesUnder`, which looks in each folder it can read, so that one
 * folder that cannot be read, a volume's lost+found, hides only what is in it: a copy left unsettled has its report
 * dropped as deleted by the ingest that follows).
 */
function hiddenCopiesAmong(files: readonly string[]): Array<{ copy: string; source: string }> {
  const out: Array<{ copy: string; source: string }> = [];
  for (const file of files) {
    const name = HIDDEN_COPY.exec(path.basename(file))?.[1];
    if (name !== undefined) out.push({ copy: file, source: path.join(path.dirname(file), name) });
  }
  return out.sort((a, b) => a.copy.localeCompare(b.copy));
}
