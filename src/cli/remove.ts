import { removeCommand } from "./remove-command.js";
import { runMain } from "./run-main.js";

runMain((io) => removeCommand(process.argv.slice(2), io));
