import { parseArgs, type ParseArgsConfig } from "node:util";
import { DossierError } from "../errors.js";

/** Thrown for `--help` / `-h`: the runner prints the usage on stdout and exits 0. */
export class HelpRequested extends Error {
  constructor(readonly usage: string) {
    super("help requested");
  }
}

const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

/**
 * `parseArgs` for every entry point: `--help` on any of them prints `usage`, and mistakes (an unknown flag, a
 * missing value) end as the one-line error plus the usage text. `args` defaults to the process's arguments.
 */
export function parseCli<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs({ ...config, options: { ...HELP_OPTION, ...config.options } }) as ReturnType<typeof parseArgs<T>>;
  } catch (error) {
    throw new DossierError("USAGE", `${reworded((error as Error).message, usage)}\n${usage}`);
  }
  if ((parsed.values as { help?: boolean }).help) throw new HelpRequested(usage);
  return parsed;
}

/**
 * Node's advice for a question or name that starts with '-' ("-4 degrees: when was it that cold?") is to put it after
 * '--', as in '-- "-4"' (its quote left open), but npm takes the first '--' as its own: through npm it must be given
 * twice, which the usage's own command line shows. A mistyped flag ('--jsn') needs none of that.
 */
function reworded(message: string, usage: string): string {
  const unknown = /^(Unknown option '(-[^']*)'\.) To specify a positional argument/.exec(message);
  const command = /^usage: (.+?) -- /.exec(usage)?.[1];
  if (unknown === null || command === undefined) return message;
  const [, said, option] = unknown;
  // '--jsn' is a mistyped flag, which the usage below sets right.
  if (option!.startsWith("--")) return said!;
  return `Unknown option '${option}'. Something that starts with '-' but is not an option goes after a second '--' (npm keeps the first): ${command} -- -- "${option}…"`;
}
