import { DossierError } from "../errors.js";

const WHY: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "a folder is where a file should be",
  ENOSPC: "the disk is full",
  EEXIST: "a file is in the way",
};

/** Why a file-system call failed, in words, when its code says what is wrong with the path; undefined otherwise. */
export const fileSystemReason = (error: unknown): string | undefined => WHY[(error as NodeJS.ErrnoException).code ?? ""];

/** Read errors that say what is wrong with the folder (a file where a folder should be, no permission), not the index. */
const FOLDER_READ_ERRORS = new Set(["ENOTDIR", "EISDIR", "EACCES", "EPERM"]);

/** Whether a failed read of the index is the folder's fault: a rebuild cannot mend it. */
export const isFolderReadProblem = (error: unknown): boolean => FOLDER_READ_ERRORS.has((error as NodeJS.ErrnoException).code ?? "");

/**
 * What is wrong with the index folder itself (read-only, not a folder, full, no permission), not a guess that someone
 * else is busy or that the index is damaged: no ingest or rebuild can help, so the message names the folder and why.
 */
export function indexFolderProblem(indexDir: string, error: unknown, action: "read" | "write"): DossierError {
  const { code = "", path: at } = error as NodeJS.ErrnoException;
  // Which file is in the way is not the index folder itself, so it is named: the user has to find it to move it.
  const reason = code === "EEXIST" && at ? `a file is in the way: ${at}` : (fileSystemReason(error) ?? (error instanceof Error ? error.message : String(error)));
  return action === "write"
    ? new DossierError("INDEX_UNWRITABLE", `Cannot write the index at ${indexDir} (${reason}); check that folder.`, { cause: error, detail: reason })
    : new DossierError("INDEX_UNREADABLE", `Cannot read the index at ${indexDir} (${reason}); check that folder (DATA_DIR, INDEX_DIR).`, { cause: error, detail: reason });
}
