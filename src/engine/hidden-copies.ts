import { randomUUID } from "node:crypto";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { isGone } from "../core/is-gone.js";
import { DossierError } from "../errors.js";
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
 * asked for ends done, as after a swap.
 */
export async function settleHiddenCopies(corpusDir: string, store: IndexStore, logger: Logger): Promise<void> {
  // Looked for before the lock is taken, so a start with nothing to settle never waits for it.
  if ((await hiddenCopiesIn(corpusDir)).length === 0) return;
  await store.withWriteLock(async () => {
    const manifest = await store.readManifest().catch((error: unknown) => {
      if (error instanceof DossierError && error.code === "INDEX_CORRUPT") return null;
      throw error;
    });
    if (manifest === null || manifest === undefined) {
      logger.warn({ corpusDir }, "hidden copies of removed reports left as they are: the index cannot say which removals went live");
      return;
    }
    const listed = new Set(manifest.reports.map((r) => r.source));
    for (const { copy, source } of await hiddenCopiesIn(corpusDir)) {
      try {
        if (listed.has(source) && (await isGone(source))) {
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
}

/**
 * The hidden copies under a folder, looked for folder by folder, so that one folder that cannot be read (a volume's
 * lost+found) hides only what is in it: a copy left unsettled has its report dropped as deleted by the ingest that
 * follows. Dot-folders hold no report, so no copy either.
 */
async function hiddenCopiesIn(dir: string): Promise<Array<{ copy: string; source: string }>> {
  const out: Array<{ copy: string; source: string }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".")) out.push(...(await hiddenCopiesIn(full)));
      continue;
    }
    const name = entry.isFile() ? HIDDEN_COPY.exec(entry.name)?.[1] : undefined;
    if (name !== undefined) out.push({ copy: full, source: path.join(dir, name) });
  }
  return out.sort((a, b) => a.copy.localeCompare(b.copy));
}
