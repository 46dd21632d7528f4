import { createInterface } from "node:readline";
import { loadConfig } from "../config.js";
import type { Engine } from "../engine-types.js";
import { type HistoryItem, replayHistory } from "../engine/replay-history.js";
import { operatorMessage } from "../errors.js";
import { answerToJson, formatAnswerForTerminal, readAsLine } from "./format-answer.js";
import { openEngine } from "./open-engine.js";
import { parseCli } from "./parse-cli.js";
import { parseQuestionLine, readHistoryFile } from "./read-history.js";
import type { CliIo } from "./run-main.js";

const USAGE = `usage: npm run -s ask -- ["question"] [--json] [--report <id>]... [--follow-up <history.json>]
With no question, reads questions from standard input, one a line; a line may be JSON: {"question": …, "history": […]}.
--follow-up asks each question as a follow-up to the conversation in the file (earlier questions, or turns). -s keeps npm's own banner off standard output,
so --json output pipes cleanly (npm run -s ask -- --json "…" | jq .).`;

const TYPING_HINT = "No question given, so questions are read one a line as you type them (Ctrl-D ends); `npm run repl` is the interactive prompt.";

/** `npm run ask`: answers the question given, or each line of standard input; exit 1 if any failed. */
export async function askCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCli(
    {
      args,
      allowPositionals: true,
      options: { json: { type: "boolean", default: false }, report: { type: "string", multiple: true }, "follow-up": { type: "string" } },
    },
    USAGE,
  );
  const history = values["follow-up"] === undefined ? undefined : readHistoryFile(values["follow-up"]);
  const shown = new Set<string>();
  const engine = await openEngine(loadConfig(io.env), io, shown);
  try {
    const options = { reportIds: values.report, json: values.json, shown };
    if (positionals.length > 0) return (await answerOne(engine, positionals.join(" "), history, options, io)) ? 0 : 1;
    // At a terminal, `npm run ask` with no question otherwise sat waiting without a word, as if it had hung.
    if (io.stdin.isTTY) io.stderr.write(`${TYPING_HINT}\n`);
    let failures = 0;
    for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
      if (line.trim() === "") continue;
      if (!(await answerLine(engine, line, history, options, io))) failures++;
    }
    return failures > 0 ? 1 : 0;
  } finally {
    await engine.close();
  }
}

interface PrintOptions {
  reportIds?: string[];
  json: boolean;
  /** Lines already on standard error (start-up notices): an error saying the same is not printed again. */
  shown: ReadonlySet<string>;
}

/** A line of standard input: a question, or JSON with its own history (which wins over --follow-up's). */
async function answerLine(engine: Engine, line: string, history: HistoryItem[] | undefined, options: PrintOptions, io: CliIo): Promise<boolean> {
  let parsed: ReturnType<typeof parseQuestionLine>;
  try {
    parsed = parseQuestionLine(line);
  } catch (error) {
    return printFailure(line, error, options, io);
  }
  return answerOne(engine, parsed.question, parsed.history ?? history, options, io);
}

/** Prints one answer (or its one-line error) and says whether it succeeded. */
async function answerOne(engine: Engine, question: string, historyItems: HistoryItem[] | undefined, options: PrintOptions, io: CliIo): Promise<boolean> {
  try {
    const history = historyItems === undefined ? undefined : await replayHistory(engine, historyItems, { reportIds: options.reportIds });
    const answer = await engine.ask(question, { reportIds: options.reportIds, history });
    const readAs = readAsLine(answer);
    io.stdout.write(`${options.json ? answerToJson(answer) : `${readAs === undefined ? "" : `${readAs}\n`}${formatAnswerForTerminal(answer)}\n`}\n`);
    return true;
  } catch (error) {
    return printFailure(question, error, options, io);
  }
}

function printFailure(question: string, error: unknown, options: PrintOptions, io: CliIo): false {
  const message = operatorMessage(error);
  if (options.json) io.stdout.write(`${JSON.stringify({ question, error: message })}\n`);
  else if (!options.shown.has(message)) io.stderr.write(`dossier: ${message}\n`);
  return false;
}
