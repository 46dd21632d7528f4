import { nameInFolder } from "../core/corpus-name.js";
import { fileSystemReason } from "../core/file-system-reason.js";
import { DossierError } from "../errors.js";

/** Read errors that say what is wrong with the folder (a file where a folder should be, no permission), not the index. */
const FOLDER_READ_ERRORS = new Set(["ENOTDIR", "EISDIR", "EACCES", "EPERM"]);

/** Whether a failed read of the index is the folder's fault: a rebuild cannot mend it. */
export const isFolderReadProblem = (error: unknown): boolean => FOLDER_READ_ERRORS.has((error as NodeJS.ErrnoException).code ?? "");

/**
 * What is wrong with the index folder itself (read-only, not a folder, full, no permission), not a guess that someone
 * else is busy or that the index is damaged: no ingest or rebuild can help, so the message says why. It names the
 * folder by its setting, since the line may go to a Discord user (an /ingest reply) to whom the server's layout
 * should not show; the operator's line (and the cause, for the log) names it in full, for the person who must fix it.
 */
export function indexFolderProblem(indexDir: string, error: unknown, action: "read" | "write"): DossierError {
  const { code = "", path: at } = error as NodeJS.ErrnoException;
  const why = fileSystemReason(error);
  // Which file is in the way is not the index folder itself, so it is named (as a corpus path is: "X: a file is in
  // the way"): the user has to find it to move it. Anything unforeseen is named by its code, whose text holds paths.
  const blocker = code === "EEXIST" && at ? at : undefined;
  const reason = blocker ? `${blocker}: ${why}` : (why ?? (error instanceof Error ? error.message : String(error)));
  const shownReason = blocker ? `${nameInFolder(blocker, indexDir, "the index folder") ?? "a file on the index folder's path"}: ${why}` : (why ?? (code || "an unexpected error"));
  return action === "write"
    ? new DossierError("INDEX_UNWRITABLE", `Cannot write the index folder (INDEX_DIR): ${shownReason}; check that folder.`, {
        cause: error,
        detail: shownReason,
        forOperator: `Cannot write the index at ${indexDir} (${reason}); check that folder.`,
      })
    : new DossierError("INDEX_UNREADABLE", `Cannot read the index folder (INDEX_DIR): ${shownReason}; check that folder (DATA_DIR, INDEX_DIR).`, {
        cause: error,
        detail: shownReason,
        forOperator: `Cannot read the index at ${indexDir} (${reason}); check that folder (DATA_DIR, INDEX_DIR).`,
      });
}
