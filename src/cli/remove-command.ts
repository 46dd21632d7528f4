import { loadConfig } from "../config.js";
import { removeReports } from "../engine/remove-report.js";
import { DossierError } from "../errors.js";
import { parseCli } from "./parse-cli.js";
import type { CliIo } from "./run-main.js";

const USAGE = `usage: npm run remove -- <report id>...
Drops each report from the index at once (atomically, as ingest does). A report whose file is in the corpus folder
loses that file too; a file elsewhere is left where it is. \`npm run repl\` and \`:reports\` list the ids.`;

/** `npm run remove`: a line per removed report; exit 1 when any id was unknown. */
export async function removeCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCli({ args, allowPositionals: true, options: {} }, USAGE);
  if (positionals.length === 0) throw new DossierError("USAGE", `Name the report to remove.\n${USAGE}`);
  const config = loadConfig(io.env);
  let failed = 0;
  await removeReports(config, positionals, (_, removed) => {
    if (removed instanceof DossierError) {
      io.stderr.write(`dossier: ${removed.message}\n`);
      failed += 1;
      return;
    }
    const file = removed.deletedFile ? ` and deleted ${removed.deletedFile}` : "";
    io.stdout.write(`removed   ${removed.id} (${removed.title}) from the index${file}\n`);
  });
  return failed > 0 ? 1 : 0;
}
