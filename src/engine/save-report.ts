import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import { readIfPresent } from "../core/read-if-present.js";
import { DossierError } from "../errors.js";
import { forgetAddress, rememberAddress } from "../formats/source-addresses.js";
import { REPORT_EXTENSIONS, reportIdFromPath } from "../index/read-report.js";

/** A report file's name and bytes, as a front end hands it over: saved into the corpus folder by `saveReport`. */
export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * What putting the corpus folder back as it was before a save takes, as plain data: the ingest child that saved a
 * page tells its parent, which puts it back itself if the child is killed before it could (INGEST_TIMEOUT_MS).
 */
export interface SaveUndo {
  /** Each file as it was, in this order: its bytes, or none when there was no such file. */
  files: Array<{ path: string; bytes?: Uint8Array }>;
  /** A file of the web folder whose address the save remembered, forgotten again. */
  forget?: string;
  /** The address a file of the web folder had before the save, remembered again. */
  remember?: { file: string; url: string; requested?: string };
}

export interface SavedReport {
  path: string;
  undo: SaveUndo;
  /** Puts the corpus folder back as it was (`undo`): removes a new file, or restores the previous version of an update. */
  rollback(): Promise<void>;
}

/** A save and its rollback, from what undoes it. */
export function savedReport(file: string, undo: SaveUndo): SavedReport {
  return { path: file, undo, rollback: () => putBack(undo) };
}

/** Puts the corpus folder back as it was before a save; putting it back twice changes nothing more. */
export async function putBack(undo: SaveUndo): Promise<void> {
  for (const file of undo.files) await (file.bytes === undefined ? rm(file.path, { force: true }) : writeFileAtomic(file.path, Buffer.from(file.bytes)));
  if (undo.forget !== undefined) await forgetAddress(undo.forget);
  if (undo.remember !== undefined) await rememberAddress(undo.remember.file, undo.remember.url, undo.remember.requested);
}

/**
 * Puts back several saves, the last first: a file saved twice (a page's address given twice, or given and refreshed)
 * is put back to what the first save found, not to what the second did. Every one is tried, so that one that cannot
 * be put back leaves no other behind; the first failure is then thrown.
 */
export async function putBackAll(undos: readonly SaveUndo[]): Promise<void> {
  const failures: unknown[] = [];
  for (const undo of [...undos].reverse()) await putBack(undo).catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
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
  const oldBytes = old === undefined ? undefined : await readIfPresent(old);
  await writeFileAtomic(target, Buffer.from(bytes));
  const saved = { path: target, bytes: previous };
  if (old === undefined || oldBytes === undefined) return savedReport(target, { files: [saved] });
  // Saved first, removed after: a crash in between leaves two files claiming the id, which the ingest says, rather
  // than neither, which would drop the report. An old file that cannot be removed undoes the save.
  await rm(old).catch(async (error: unknown) => {
    await putBack({ files: [saved] }).catch(() => undefined);
    throw error;
  });
  return savedReport(target, { files: [{ path: old, bytes: oldBytes }, saved] });
}
