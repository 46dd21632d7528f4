import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { createInterface, type Interface } from "node:readline";
import type { Answer } from "../answer/answer.js";
import { styleText } from "node:util";
import { loadConfig, type Config } from "../config.js";
import { appendTurn, turnOf, type Turn } from "../conversation/turn.js";
import type { Engine } from "../engine-types.js";
import { counted } from "../display/counted.js";
import { operatorMessage } from "../errors.js";
import { formatAnswerForTerminal, readAsLine, terminalText } from "./format-answer.js";
import { openEngine } from "./open-engine.js";
import { parseCli } from "./parse-cli.js";
import { formatReportTable } from "./report-table.js";
import { processIo, type CliIo } from "./run-main.js";

const USAGE = `usage: npm run repl
An interactive prompt: type a question and press Enter; :help lists the commands. Questions you type are kept in
<DATA_DIR>/repl-history for the up arrow next time.`;

/** Heads a streamed reply: it is shown as the model writes it, before its citations are checked. */
export const DRAFT_LABEL = "draft: ";

const HISTORY_FILE = "repl-history";
const HISTORY_SIZE = 500;

interface ReplCommand {
  help: string;
  /** Returns true to leave the REPL. */
  run(session: Session): boolean | void;
}

interface Session {
  engine: Engine;
  output: NodeJS.WritableStream;
  /** The conversation so far: every question continues it until :new. */
  conversation: Turn[];
}

/** The `:commands`, one entry each, so adding one is one more entry. */
const COMMANDS: Record<string, ReplCommand> = {
  ":new": {
    help: "start a new conversation (otherwise each question may follow up on the last ones)",
    run: (session) => {
      session.conversation = [];
      session.output.write("New conversation: the next question starts afresh.\n");
    },
  },
  ":reports": { help: "list the ingested reports", run: ({ engine, output }) => void output.write(`${formatReportTable(engine.reports())}\n`) },
  ":help": { help: "this help", run: ({ output }) => void output.write(`${helpText()}\n`) },
  ":quit": { help: "leave (Ctrl-D, or Ctrl-C twice, works too)", run: () => true },
};
const ALIASES: Record<string, string> = { ":q": ":quit", ":exit": ":quit" };

function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return ["Type a question and press Enter. Commands:", ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.help}`)].join("\n");
}

/** `npm run repl`. */
export async function replCommand(args: string[], io: CliIo): Promise<void> {
  parseCli({ args, options: {} }, USAGE);
  await runRepl(loadConfig(io.env), io.stdin, io.stdout, { io });
}

/**
 * The interactive prompt: one question a line, answers with numbered citations. Ends on :quit, end of input, or a
 * second Ctrl-C in a row (the first clears the line). A chat model's reply is shown as it is written, as a labelled
 * draft without source markers; the verified answer (or the extractive fallback, which says so) follows after a
 * blank line. In a terminal, the questions typed are kept in the data folder for the up arrow next time.
 * Questions continue one conversation until :new; a question read as a follow-up shows, dimmed, the standalone
 * question it was answered as.
 */
export async function runRepl(
  config: Config,
  input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
  options: { io?: CliIo } = {},
): Promise<void> {
  const engine: Engine = await openEngine(config, options.io ?? { ...processIo(), stdin: input, stdout: output });
  const terminal = input.isTTY === true;
  const historyFile = path.join(config.dataDir, HISTORY_FILE);
  const rl = createInterface({
    input,
    output,
    terminal,
    prompt: "dossier> ",
    history: terminal ? readHistory(historyFile) : [],
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
  });
  if (terminal) rl.on("history", (history: string[]) => saveHistory(historyFile, history));
  handleCtrlC(rl, input, output);
  output.write(`Dossier: ${counted(engine.reports().length, "report")} loaded. Ask a question, or :help.\n`);
  const session: Session = { engine, output, conversation: [] };
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text.startsWith(":")) {
      // In any case: ":Help" or ":NEW" (caps lock, a phone's capital first letter) is no other command.
      const name = text.toLowerCase();
      const command = COMMANDS[ALIASES[name] ?? name];
      if (command === undefined) output.write(`Unknown command ${JSON.stringify(terminalText(text))}. Commands: ${Object.keys(COMMANDS).join(", ")}\n`);
      else if (command.run(session)) break;
    } else if (text !== "") {
      const answered = await answer(session, text);
      if (answered) session.conversation = appendTurn(session.conversation, turnOf(answered), config.conversation.maxTurns);
    }
    rl.prompt();
  }
  rl.close();
  output.write("\n");
  await engine.close();
}

/** Prints the answer (or the one-line error) and returns the answer. */
async function answer({ engine, output, conversation }: Session, question: string): Promise<Answer | undefined> {
  /** The draft printed so far; undefined until the first visible text. */
  let printed: string | undefined;
  try {
    const answer = await engine.ask(question, {
      history: conversation,
      onDraft: (text) => {
        const draft = terminalText(text);
        if (printed === undefined) {
          if (draft === "") return;
          output.write(DRAFT_LABEL);
          printed = "";
        }
        // A draft normally extends the last one; if it ever does not, wait: the checked answer follows anyway.
        if (!draft.startsWith(printed)) return;
        output.write(draft.slice(printed.length));
        printed = draft;
      },
    });
    if (printed !== undefined) output.write("\n\n");
    const readAs = readAsLine(answer);
    if (readAs !== undefined) output.write(`${dim(readAs, output)}\n`);
    output.write(`${formatAnswerForTerminal(answer)}\n`);
    return answer;
  } catch (error) {
    if (printed !== undefined) output.write("\n\n");
    output.write(`${operatorMessage(error)}\n`);
    return undefined;
  }
}

/** Dim in a terminal; plain where escapes would only clutter (a pipe, a file, a test). */
function dim(text: string, output: NodeJS.WritableStream): string {
  return (output as { isTTY?: boolean }).isTTY ? styleText("dim", text) : text;
}

/** Like a shell: Ctrl-C clears what is typed; a second one in a row (nothing typed between) leaves. */
function handleCtrlC(rl: Interface, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): void {
  let armed = false;
  rl.on("SIGINT", () => {
    if (armed) {
      rl.close();
      return;
    }
    armed = true;
    rl.write(null, { ctrl: true, name: "e" });
    rl.write(null, { ctrl: true, name: "u" });
    output.write("\n(Press Ctrl-C again to leave, or type :quit.)\n");
    rl.prompt();
  });
  rl.on("line", () => {
    armed = false;
  });
  // Typing anything after the first Ctrl-C disarms it too, so a later Ctrl-C only clears the line again.
  input.on("keypress", (_char: string, key: { name?: string; ctrl?: boolean } | undefined) => {
    if (!(key?.ctrl && key.name === "c")) armed = false;
  });
}

function readHistory(file: string): string[] {
  try {
    // The file is oldest first, as a person reads it; readline wants newest first.
    return readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "").slice(-HISTORY_SIZE).reverse();
  } catch {
    return [];
  }
}

function saveHistory(file: string, history: string[]): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${[...history].reverse().join("\n")}\n`, { mode: 0o600 });
  } catch {
    // History is a convenience: a read-only data folder must not stop the REPL.
  }
}
