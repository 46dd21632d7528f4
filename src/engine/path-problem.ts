import { corpusName } from "../core/corpus-name.js";
import { fileSystemReason } from "../core/file-system-reason.js";

/**
 * A failed file-system call in the corpus folder as words for a one-line message: the path and what is wrong with it
 * (a file where a folder should be, a folder where a file should be, no permission, a full disk), where the system's
 * own text ("ENOTDIR: not a directory, mkdir '…'") means little. The path is named within the corpus folder
 * (corpusName), never as the server's absolute path, since the line may go to a Discord user; the error itself, kept
 * as the cause, holds the full path for the log. Undefined for any other failure, or a path outside the corpus
 * folder (the index's, say, which is not the user's to move), which the caller treats as unexpected. A rename is
 * named by where it was going: the temporary file it came from is ours.
 */
export function pathProblem(error: unknown, corpusDir: string): string | undefined {
  const { path: from, dest } = error as NodeJS.ErrnoException & { dest?: string };
  const why = fileSystemReason(error);
  const at = dest ?? from;
  const named = at === undefined ? undefined : corpusName(at, corpusDir);
  return why && named ? `${named}: ${why}` : undefined;
}
