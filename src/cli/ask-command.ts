import { createInterface } from "node:readline";
import { loadConfig } from "../config.js";
import type { Engine } from "../engine-types.js";
import { userMessage } from "../errors.js";
import { answerToJson, formatAnswerForTerminal } from "./format-answer.js";
import { openEngine } from "./open-engine.js";
import { parseCli } from "./parse-cli.js";
import type { CliIo } from "./run-main.js";

const USAGE = `usage: npm run -s ask -- ["question"] [--json] [--report <id>]...
With no question, reads questions from standard input, one a line. -s keeps npm's own banner off standard output,
so --json output pipes cleanly (npm run -s ask -- --json "…" | jq .).`;

/** `npm run ask`: answers the question given, or each line of standard input; exit 1 if any failed. */
export async function askCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCli(
    { args, allowPositionals: true, options: { json: { type: "boolean", default: false }, report: { type: "string", multiple: true } } },
    USAGE,
  );
  const engine = await openEngine(loadConfig(io.env), io);
  try {
    const options = { reportIds: values.report, json: values.json };
    if (positionals.length > 0) return (await answerOne(engine, positionals.join(" "), options, io)) ? 0 : 1;
    let failures = 0;
    for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
      if (line.trim() === "") continue;
      if (!(await answerOne(engine, line, options, io))) failures++;
    }
    return failures > 0 ? 1 : 0;
  } finally {
    await engine.close();
  }
}

/** Prints one answer (or its one-line error) and says whether it succeeded. */
async function answerOne(engine: Engine, question: string, options: { reportIds?: string[]; json: boolean }, io: CliIo): Promise<boolean> {
  try {
    const answer = await engine.ask(question, { reportIds: options.reportIds });
    io.stdout.write(`${options.json ? answerToJson(answer) : `${formatAnswerForTerminal(answer)}\n`}\n`);
    return true;
  } catch (error) {
    const message = userMessage(error);
    if (options.json) io.stdout.write(`${JSON.stringify({ question, error: message })}\n`);
    else io.stderr.write(`dossier: ${message}\n`);
    return false;
  }
}
