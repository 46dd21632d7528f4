import { ingestCommand } from "./ingest-command.js";
import { runMain } from "./run-main.js";

runMain((io) => ingestCommand(process.argv.slice(2), io));
