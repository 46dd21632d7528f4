import { createInterface } from "node:readline";
import type { Config } from "../config.js";
import type { Engine } from "../engine-types.js";
import { userMessage } from "../errors.js";
import { formatAnswerForTerminal } from "./format-answer.js";
import { openEngine } from "./open-engine.js";

const HELP = `Type a question and press Enter. Commands:
  :reports   list the ingested reports
  :help      this help
  :quit      leave (Ctrl-D works too)`;

/** The interactive prompt: one question a line, answers with numbered citations. Ends on :quit or end of input. */
export async function runRepl(config: Config, input = process.stdin, output = process.stdout): Promise<void> {
  const engine: Engine = await openEngine(config);
  const rl = createInterface({ input, output, terminal: input.isTTY === true, prompt: "dossier> " });
  output.write(`Dossier: ${engine.reports().length} report(s) loaded. Ask a question, or :help.\n`);
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === ":quit" || text === ":q" || text === ":exit") break;
    if (text === ":help") output.write(`${HELP}\n`);
    else if (text === ":reports") {
      for (const r of engine.reports()) output.write(`${r.id}  ${r.title}  (${r.sentenceCount} sentences, ingested ${r.ingestedAt})\n`);
    } else if (text !== "") {
      try {
        let streamed = 0;
        const answer = await engine.ask(text, {
          onToken: (soFar) => {
            output.write(soFar.slice(streamed));
            streamed = soFar.length;
          },
        });
        if (streamed > 0) output.write("\n\n");
        output.write(`${formatAnswerForTerminal(answer)}\n`);
      } catch (error) {
        output.write(`${userMessage(error)}\n`);
      }
    }
    rl.prompt();
  }
  rl.close();
  output.write("\n");
  await engine.close();
}
