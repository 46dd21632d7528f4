import { loadConfig } from "../config.js";
import { counted } from "../display/counted.js";
import { stripControl } from "../display/safe-text.js";
import { unreadFileLines } from "../display/unread-files.js";
import { describeStore, ingestReports } from "../engine/ingest-reports.js";
import { IngestProgress } from "./ingest-progress.js";
import { terminalLogger } from "./open-engine.js";
import { parseCli } from "./parse-cli.js";
import type { CliIo } from "./run-main.js";

const USAGE = `usage: npm run ingest -- [<file, folder or URL>...] [--refresh] [--rebuild] [--json]
Default: the corpus folder (CORPUS_DIR, default corpus/). Reads .txt, .md (.markdown), .pdf, .docx and .html (.htm)
files; a URL is fetched and kept in <corpus>/web/. --refresh fetches every report that came from a URL again.
--rebuild re-embeds every report. --json prints one JSON object a line instead of text.`;

/**
 * `npm run ingest`: a line per report and a summary (or one JSON object a line with --json); exit 1 when anything
 * was skipped, whether or not anything else changed. A file of no report type found in a folder is a line too,
 * "ignored": nobody asked for it, so it is not a failure (named, it is skipped). On a terminal a status line on stderr
 * shows the embedding's progress.
 */
export async function ingestCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCli({
    args,
    allowPositionals: true,
    options: {
      rebuild: { type: "boolean", default: false },
      refresh: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  }, USAGE);
  const config = loadConfig(io.env);
  const stderr = io.stderr as NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  const progress = new IngestProgress({
    isTTY: stderr.isTTY === true && !values.json,
    columns: stderr.columns,
    write: (text) => stderr.write(text),
  });
  const print = (text: string, stream = io.stdout) => {
    progress.clear();
    stream.write(`${text}\n`);
  };
  let summary;
  try {
    summary = await ingestReports(config, positionals, {
      logger: terminalLogger(config, io),
      rebuild: values.rebuild,
      refresh: values.refresh,
      onEmbedProgress: (p) => progress.update(p),
      onReport: (r) => {
        progress.reportFinished();
        // Whole milliseconds: a timer's fractions ("ms":1315.118688) are noise to a script.
        if (values.json) return print(JSON.stringify({ report: { ...r, ms: Math.round(r.ms) } }));
        const took = r.status === "unchanged" ? "" : `, ${(r.ms / 1000).toFixed(2)} s`;
        print(`${r.status.padEnd(9)} ${r.id}: ${counted(r.sentences, "sentence")}, ${counted(r.chunks, "chunk")}${took}`);
      },
    });
  } finally {
    progress.clear();
  }
  const count = (status: string) => summary.reports.filter((r) => r.status === status).length;
  // --refresh with no report from a URL: said in one line, rather than a summary of an ingest of nothing ("Index
  // already up to date … 0 added, 0 updated …"), which left the user to guess why nothing was fetched. Anything the
  // run did besides (files named with it, the web folder's files read) is said as usual around it.
  if (summary.refreshed === 0) {
    const message = "No report came from a URL, so there is nothing to refresh.";
    print(values.json ? JSON.stringify({ refresh: { pages: 0, message } }) : message);
    const didNothing = !summary.changed && [summary.reports, summary.removed, summary.missing, summary.repaired, summary.skipped, summary.ignored].every((list) => list.length === 0);
    if (positionals.length === 0 && didNothing) return 0;
  }
  if (values.json) {
    for (const id of summary.removed) print(JSON.stringify({ removed: id }));
    for (const m of summary.missing) print(JSON.stringify({ missing: m }));
    for (const id of summary.repaired) print(JSON.stringify({ repaired: id }));
    for (const s of summary.skipped) print(JSON.stringify({ skipped: s }));
    for (const s of summary.ignored) print(JSON.stringify({ ignored: s }));
    const totals = { added: count("added"), updated: count("updated"), unchanged: count("unchanged"), removed: summary.removed.length, skipped: summary.skipped.length, ignored: summary.ignored.length };
    print(JSON.stringify({ summary: { changed: summary.changed, ...totals, ms: Math.round(summary.ms) } }));
  } else {
    for (const id of summary.removed) print(`removed   ${id}: its file is gone`);
    for (const m of summary.missing) print(`kept      ${m.id}: its source ${stripControl(m.source)} is missing (\`npm run remove -- ${m.id}\` drops it)`, io.stderr);
    for (const id of summary.repaired) print(`repaired  ${id}: its copy in the index was damaged, so it was read again from its file`, io.stderr);
    for (const line of unreadFileLines(summary)) print(line, io.stderr);
    // A run that changed nothing because files were refused says so, and why is each skipped line above it.
    const outcome = summary.changed
      ? "Index updated"
      : summary.skipped.length > 0
        ? `Nothing changed (${counted(summary.skipped.length, "file")} skipped, for the reasons above)`
        : "Index already up to date";
    print(
      `${outcome} in ${(summary.ms / 1000).toFixed(2)} s: ` +
        `${count("added")} added, ${count("updated")} updated, ${count("unchanged")} unchanged, ` +
        `${summary.removed.length} removed, ${summary.skipped.length} skipped${summary.ignored.length > 0 ? `, ${summary.ignored.length} ignored` : ""} → ${describeStore(config)}`,
    );
  }
  return summary.skipped.length > 0 ? 1 : 0;
}
