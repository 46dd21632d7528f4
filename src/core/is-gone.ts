import { stat } from "node:fs/promises";
import { errorCode } from "./error-code.js";

const GONE = new Set(["ENOENT", "ENOTDIR"]);

/**
 * Whether nothing is at a path: only "not found" (or a part of the path now a file) says so. A file that cannot be
 * looked at for another reason (no permission, a link loop) is still there and still the user's: taken for gone, it
 * would drop its report from the index as deleted, or be overwritten by a hidden copy put back.
 */
export async function isGone(file: string): Promise<boolean> {
  return stat(file).then(
    () => false,
    (error: unknown) => GONE.has(errorCode(error) ?? ""),
  );
}
