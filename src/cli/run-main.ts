import { ConfigError } from "../config.js";
import { DossierError } from "../errors.js";
import { HelpRequested } from "./parse-cli.js";

/** Where a command reads and writes, and the environment it configures itself from; tests pass their own. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Unset: the process environment (and `.env`). */
  env?: Record<string, string | undefined>;
}

export const processIo = (): CliIo => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });

/**
 * Runs a command and returns its exit code: `--help` prints the usage on stdout (0); an error a user can act on is
 * one line on stderr (1), never a stack trace; anything unexpected also prints its stack when DEBUG is set.
 */
export async function runCommand(main: (io: CliIo) => Promise<number | void>, io: CliIo): Promise<number> {
  try {
    return (await main(io)) ?? 0;
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.stdout.write(`${error.usage}\n`);
      return 0;
    }
    const known = error instanceof DossierError || error instanceof ConfigError;
    const message = error instanceof DossierError ? error.forOperator : error instanceof Error ? error.message : String(error);
    io.stderr.write(`dossier: ${known ? message : `unexpected error: ${message}`}\n`);
    if (!known && (io.env ?? process.env).DEBUG) io.stderr.write(`${(error as Error).stack ?? ""}\n`);
    return 1;
  }
}

/** A command-line entry point: runs `main` on the process's streams and sets the exit code. */
export function runMain(main: (io: CliIo) => Promise<number | void>): void {
  stopWhenReaderLeaves(process.stdout);
  stopWhenReaderLeaves(process.stderr);
  void runCommand(main, processIo()).then((code) => {
    process.exitCode = code;
  });
}

/** The status a shell gives a process that SIGPIPE ended (128 + 13), which Node ignores and reports as EPIPE. */
const CLOSED_PIPE_EXIT = 141;

/**
 * A reader that stops reading (`ask --json … | head -1`, a `jq` that failed to parse its filter) closes the pipe,
 * and Node reports the next write as an EPIPE error that nothing handled: a stack trace and exit code 7 for a
 * pipeline that did what its user asked. Nobody reads the rest, so the command stops there and quietly, as a Unix
 * tool ended by SIGPIPE does (an ingest cut short so leaves the live index as it was).
 */
function stopWhenReaderLeaves(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(CLOSED_PIPE_EXIT);
  });
}
