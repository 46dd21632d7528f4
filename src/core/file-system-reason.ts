import { errorCode } from "./error-code.js";

/**
 * What a failed file-system call's code says is wrong with the path, in words: the index folder, the corpus folder
 * and the paths given to the command line all fail the same ways, and the system's text ("ENOTDIR: not a directory,
 * mkdir '…'") means little to a user.
 */
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
export const fileSystemReason = (error: unknown): string | undefined => WHY[errorCode(error) ?? ""];
