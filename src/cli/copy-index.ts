import { loadConfig } from "../config.js";
import { copyLocalIndex } from "../engine/copy-local-index.js";
import { DossierError } from "../errors.js";
import { parseCli } from "./parse-cli.js";
import { runMain } from "./run-main.js";

const USAGE = `usage: npm run copy-index
Copies the on-disk index (INDEX_DIR) into the PostgreSQL store named by INDEX_STORE=postgres and DATABASE_URL,
vectors included, replacing what that database held. Nothing is embedded again.`;

runMain(async (io) => {
  parseCli({ options: {} }, USAGE);
  const config = loadConfig(io.env);
  if (config.store.kind !== "postgres") throw new DossierError("USAGE", "Set INDEX_STORE=postgres and DATABASE_URL to say where to copy the index to.");
  const { reports, to } = await copyLocalIndex(config);
  io.stdout.write(`Copied ${reports} reports from ${config.indexDir} → ${to}\n`);
});
