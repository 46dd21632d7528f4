import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import { readIfPresent } from "../core/read-if-present.js";
import { DossierError } from "../errors.js";
import { REPORT_EXTENSIONS, reportIdFromPath } from "../index/read-report.js";

/** A report file's name and bytes, as a front end hands it over: saved into the corpus folder by `saveReport`. */
export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface SavedReport {
  path: string;
  /** Puts the corpus folder back as it was: removes a new file, or restores the previous version of an update. */
  rollback(): Promise<void>;
}

/**
 * Saves an uploaded report into the corpus folder atomically (temp file, then rename), so a crash never leaves a
 * half-written report for the next ingest. Re-uploading the same file name is an update; a different file that
 * would claim the same report id (e.g. `talks.md` beside `talks.txt`) is refused rather than silently shadowed,
 * unless it is the file this one `replaces`: the same report in another format (a page fetched as HTML before and
 * as a PDF now), removed once the new file is saved and put back by the rollback.
 */
export async function saveReport(corpusDir: string, fileName: string, bytes: Uint8Array, replaces?: string): Promise<SavedReport> {
  await mkdir(corpusDir, { recursive: true });
  const id = reportIdFromPath(fileName);
  const clash = (await readdir(corpusDir)).find(
    (existing) =>
      existing !== fileName &&
      existing !== replaces &&
      REPORT_EXTENSIONS.includes(path.extname(existing).toLowerCase()) &&
      reportIdFromPath(existing) === id,
  );
  if (clash !== undefined) {
    throw new DossierError(
      "BAD_REPORT",
      `A report with id "${id}" already exists as ${clash}; upload it under that name to update it, or rename yours.`,
    );
  }

  const target = path.join(corpusDir, fileName);
  const previous = await readIfPresent(target);
  // Read before anything is written: a file already gone (a page's address can outlive its file) is nothing to replace.
  const old = replaces === undefined || replaces === fileName ? undefined : path.join(corpusDir, replaces);
  const oldBytes = old && (await readIfPresent(old));
  await writeFileAtomic(target, Buffer.from(bytes));
  const rollback = () => (previous === undefined ? rm(target, { force: true }) : writeFileAtomic(target, previous));
  if (old === undefined || oldBytes === undefined) return { path: target, rollback };
  // Saved first, removed after: a crash in between leaves two files claiming the id, which the ingest says, rather
  // than neither, which would drop the report. An old file that cannot be removed undoes the save.
  await rm(old).catch(async (error: unknown) => {
    await rollback().catch(() => undefined);
    throw error;
  });
  return {
    path: target,
    rollback: async () => {
      await writeFileAtomic(old, oldBytes);
      await rollback();
    },
  };
}
