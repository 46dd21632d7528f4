import { shownPath } from "../display/shown-path.js";
import { fileSystemReason } from "../core/file-system-reason.js";

/**
 * A failed file-system call in the corpus folder as words for a one-line message: the path and what is wrong with it
 * (a file where a folder should be, a folder where a file should be, no permission, a full disk), where the system's
 * own text ("ENOTDIR: not a directory, mkdir '…'") means little. Undefined for any other failure, which the caller
 * treats as unexpected. A rename is named by where it was going: the temporary file it came from is ours.
 */
export function pathProblem(error: unknown): string | undefined {
  const { path: from, dest } = error as NodeJS.ErrnoException & { dest?: string };
  const why = fileSystemReason(error);
  const at = dest ?? from;
  return why && at ? `${shownPath(at)}: ${why}` : undefined;
}
