import { loadConfig } from "../config.js";
import { createEmbeddings } from "../embeddings/create-embeddings.js";
import { ingestPaths } from "../index/ingest.js";
import { createLogger } from "../logger.js";
import { parseCli } from "./parse-cli.js";
import { runMain } from "./run-main.js";

const USAGE = `usage: npm run ingest -- [<file or folder>...] [--rebuild]
Default: the corpus folder (CORPUS_DIR, default corpus/). --rebuild re-embeds every report.`;

runMain(async () => {
  const { values, positionals } = parseCli({
    allowPositionals: true,
    options: { rebuild: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
  }, USAGE);
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel ?? "warn");
  const embeddings = await createEmbeddings(config);
  const paths = positionals.length > 0 ? positionals : [config.corpusDir];
  const summary = await ingestPaths(paths, { config, embeddings, logger }, {
    rebuild: values.rebuild,
    onReport: (r) => {
      const took = r.status === "unchanged" ? "" : `, ${(r.ms / 1000).toFixed(2)} s`;
      process.stdout.write(`${r.status.padEnd(9)} ${r.id}: ${r.sentences} sentences, ${r.chunks} chunks${took}\n`);
    },
  });
  for (const id of summary.removed) process.stdout.write(`removed   ${id}: its file is gone\n`);
  for (const s of summary.skipped) process.stderr.write(`skipped   ${s.reason}\n`);
  const count = (status: string) => summary.reports.filter((r) => r.status === status).length;
  process.stdout.write(
    `${summary.changed ? "Index updated" : "Index already up to date"} in ${(summary.ms / 1000).toFixed(2)} s: ` +
      `${count("added")} added, ${count("updated")} updated, ${count("unchanged")} unchanged, ` +
      `${summary.removed.length} removed, ${summary.skipped.length} skipped → ${config.indexDir}\n`,
  );
  return summary.skipped.length > 0 ? 1 : 0;
});
