import { loadConfig } from "../config.js";
import { removeReportsFromIndex } from "../engine/remove-report.js";
import { DossierError } from "../errors.js";
import { terminalLogger } from "./open-engine.js";
import { parseCli } from "./parse-cli.js";
import type { CliIo } from "./run-main.js";

const USAGE = `usage: npm run remove -- <report id>...
Drops the reports from the index at once (atomically, as ingest does); if any id is unknown, none is removed. A
report whose file is in the corpus folder loses that file too; a file elsewhere is left where it is.
\`npm run repl\` and \`:reports\` list the ids.`;

/** `npm run remove`: a line per removed report; an unknown id removes nothing and is one line on stderr (exit 1). */
export async function removeCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCli({ args, allowPositionals: true, options: {} }, USAGE);
  if (positionals.length === 0) throw new DossierError("USAGE", `Name the report to remove.\n${USAGE}`);
  const config = loadConfig(io.env);
  for (const removed of await removeReportsFromIndex(config, positionals, terminalLogger(config, io))) {
    const file = removed.deletedFile ? ` and deleted ${removed.deletedFile}` : "";
    io.stdout.write(`removed   ${removed.id} (${removed.title}) from the index${file}\n`);
  }
  return 0;
}
