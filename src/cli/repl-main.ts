import { replCommand } from "./repl.js";
import { runMain } from "./run-main.js";

runMain((io) => replCommand(process.argv.slice(2), io));
