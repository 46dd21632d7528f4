import { createInterface } from "node:readline";
import { loadConfig } from "../config.js";
import type { Engine } from "../engine-types.js";
import { userMessage } from "../errors.js";
import { answerToJson, formatAnswerForTerminal } from "./format-answer.js";
import { openEngine } from "./open-engine.js";
import { parseCli } from "./parse-cli.js";
import { runMain } from "./run-main.js";

const USAGE = `usage: npm run ask -- ["question"] [--json] [--report <id>]...
With no question, reads questions from standard input, one a line.`;

runMain(async () => {
  const { values, positionals } = parseCli({
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, report: { type: "string", multiple: true }, help: { type: "boolean", short: "h" } },
  }, USAGE);
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const engine = await openEngine(loadConfig());
  const options = { reportIds: values.report, json: values.json };
  if (positionals.length > 0) return (await answerOne(engine, positionals.join(" "), options)) ? 0 : 1;

  let failures = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === "") continue;
    if (!(await answerOne(engine, line, options))) failures++;
  }
  return failures > 0 ? 1 : 0;
});

/** Prints one answer (or its one-line error) and says whether it succeeded. */
async function answerOne(engine: Engine, question: string, options: { reportIds?: string[]; json: boolean }): Promise<boolean> {
  try {
    const answer = await engine.ask(question, { reportIds: options.reportIds });
    process.stdout.write(`${options.json ? answerToJson(answer) : `${formatAnswerForTerminal(answer)}\n`}\n`);
    return true;
  } catch (error) {
    const message = userMessage(error);
    if (options.json) process.stdout.write(`${JSON.stringify({ question, error: message })}\n`);
    else process.stderr.write(`dossier: ${message}\n`);
    return false;
  }
}
