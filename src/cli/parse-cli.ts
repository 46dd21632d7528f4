import { parseArgs, type ParseArgsConfig } from "node:util";
import { DossierError } from "../errors.js";

/** `parseArgs` whose mistakes (an unknown flag, a missing value) end as the one-line error plus the usage text. */
export function parseCli<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new DossierError("USAGE", `${(error as Error).message}\n${usage}`);
  }
}
