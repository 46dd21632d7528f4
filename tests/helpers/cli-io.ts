import { PassThrough, Writable } from "node:stream";
import type { CliIo } from "../../src/cli/run-main.js";

export interface CapturedIo extends CliIo {
  out: () => string;
  err: () => string;
  /** Standard input, for writing to as a user would type. */
  input: PassThrough & { isTTY?: boolean };
}

function collector(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

/** Streams for running a command in-process: `stdin` holds `input` (then ends, unless `open`), output is captured. */
export function captureIo(env: Record<string, string | undefined>, options: { input?: string; open?: boolean; tty?: boolean } = {}): CapturedIo {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  if (options.tty) stdin.isTTY = true;
  if (options.input !== undefined) stdin.write(options.input);
  if (!options.open) stdin.end();
  const stdout = collector();
  const stderr = collector();
  return { stdin, input: stdin, stdout: stdout.stream, stderr: stderr.stream, env, out: stdout.text, err: stderr.text };
}
