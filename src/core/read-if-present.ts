import { readFile } from "node:fs/promises";
import { errorCode } from "./error-code.js";

/** A file's bytes, or undefined when there is no such file; any other failure to read it is thrown as it is. */
export async function readIfPresent(file: string): Promise<Buffer | undefined> {
  return readFile(file).catch((error: unknown) => {
    if (errorCode(error) === "ENOENT") return undefined;
    throw error;
  });
}
