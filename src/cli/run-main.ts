import { ConfigError } from "../config.js";
import { DossierError } from "../errors.js";

/**
 * Runs a command-line entry point: an error a user can act on is one line on stderr and exit code 1, never a stack
 * trace; anything unexpected also prints its stack when DEBUG is set.
 */
export function runMain(main: () => Promise<number | void>): void {
  // Through a promise, so an error thrown before main's first await (an invalid configuration) is handled the same.
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code ?? 0;
      },
      (error: unknown) => {
        const known = error instanceof DossierError || error instanceof ConfigError;
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`dossier: ${known ? message : `unexpected error: ${message}`}\n`);
        if (!known && process.env.DEBUG) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
        process.exitCode = 1;
      },
    );
}
