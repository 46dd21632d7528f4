import { loadConfig } from "../config.js";
import { runRepl } from "./repl.js";
import { runMain } from "./run-main.js";

runMain(() => runRepl(loadConfig()));
