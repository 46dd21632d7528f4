import { loadConfig } from "../config.js";
import { stripControl } from "../display/safe-text.js";
import { ingestReports } from "../engine/ingest-reports.js";
import { describeStore } from "../store/open-index-store.js";
import { terminalLogger } from "./open-engine.js";
import { parseCli } from "./parse-cli.js";
import type { CliIo } from "./run-main.js";

const USAGE = `usage: npm run ingest -- [<file or folder>...] [--rebuild]
Default: the corpus folder (CORPUS_DIR, default corpus/). --rebuild re-embeds every report.`;

/** `npm run ingest`: a line per report and a summary; exit 1 when any file was skipped. */
export async function ingestCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCli({ args, allowPositionals: true, options: { rebuild: { type: "boolean", default: false } } }, USAGE);
  const config = loadConfig(io.env);
  const summary = await ingestReports(config, positionals, {
    logger: terminalLogger(config, io),
    rebuild: values.rebuild,
    onReport: (r) => {
      const took = r.status === "unchanged" ? "" : `, ${(r.ms / 1000).toFixed(2)} s`;
      io.stdout.write(`${r.status.padEnd(9)} ${r.id}: ${r.sentences} sentences, ${r.chunks} chunks${took}\n`);
    },
  });
  for (const id of summary.removed) io.stdout.write(`removed   ${id}: its file is gone\n`);
  // A reason quotes the file's name, which is anyone's choice, so it is printed without control characters.
  for (const s of summary.skipped) io.stderr.write(`skipped   ${stripControl(s.reason)}\n`);
  const count = (status: string) => summary.reports.filter((r) => r.status === status).length;
  io.stdout.write(
    `${summary.changed ? "Index updated" : "Index already up to date"} in ${(summary.ms / 1000).toFixed(2)} s: ` +
      `${count("added")} added, ${count("updated")} updated, ${count("unchanged")} unchanged, ` +
      `${summary.removed.length} removed, ${summary.skipped.length} skipped → ${describeStore(config)}\n`,
  );
  return summary.skipped.length > 0 ? 1 : 0;
}
