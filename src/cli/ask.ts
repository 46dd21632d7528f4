import { askCommand } from "./ask-command.js";
import { runMain } from "./run-main.js";

runMain((io) => askCommand(process.argv.slice(2), io));
