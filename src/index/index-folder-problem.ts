import { fileSystemReason } from "../core/file-system-reason.js";
import { DossierError } from "../errors.js";

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
  // Which file is in the way is not the index folder itself, so it is named (as a corpus path is: "X: a file is in
  // the way"): the user has to find it to move it.
  const reason = code === "EEXIST" && at ? `${at}: ${fileSystemReason(error)}` : (fileSystemReason(error) ?? (error instanceof Error ? error.message : String(error)));
  return action === "write"
    ? new DossierError("INDEX_UNWRITABLE", `Cannot write the index at ${indexDir} (${reason}); check that folder.`, { cause: error, detail: reason })
    : new DossierError("INDEX_UNREADABLE", `Cannot read the index at ${indexDir} (${reason}); check that folder (DATA_DIR, INDEX_DIR).`, { cause: error, detail: reason });
}
