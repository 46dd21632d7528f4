import { createInterface } from "node:readline";
import { draftText } from "../answer/chat/draft-text.js";
import type { Config } from "../config.js";
import type { Engine } from "../engine-types.js";
import { userMessage } from "../errors.js";
import { DISPLAY_LIMITS } from "../display/limits.js";
import { formatAnswerForTerminal, terminalText } from "./format-answer.js";
import { openEngine } from "./open-engine.js";

const HELP = `Type a question and press Enter. Commands:
  :reports   list the ingested reports
  :help      this help
  :quit      leave (Ctrl-D works too)`;

/** Heads a streamed reply: it is shown as the model writes it, before its citations are checked. */
export const DRAFT_LABEL = "draft: ";

/**
 * The interactive prompt: one question a line, answers with numbered citations. Ends on :quit or end of input.
 * A chat model's reply is shown as it is written, as a labelled draft without source markers; the verified answer
 * (or the extractive fallback, which says so) follows after a blank line.
 */
export async function runRepl(
  config: Config,
  input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const engine: Engine = await openEngine(config);
  const rl = createInterface({ input, output, terminal: input.isTTY === true, prompt: "dossier> " });
  output.write(`Dossier: ${engine.reports().length} report(s) loaded. Ask a question, or :help.\n`);
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === ":quit" || text === ":q" || text === ":exit") break;
    if (text === ":help") output.write(`${HELP}\n`);
    else if (text === ":reports") {
      for (const r of engine.reports()) output.write(`${r.id}  ${terminalText(r.title)}  (${r.sentenceCount} sentences, ingested ${r.ingestedAt})\n`);
    } else if (text !== "") {
      /** The draft printed so far; undefined until the first visible text. */
      let printed: string | undefined;
      try {
        const answer = await engine.ask(text, {
          onToken: (soFar) => {
            // Only the head of a runaway reply is shown, so each token costs the same however long the reply grows.
            const draft = terminalText(draftText(soFar.slice(0, DISPLAY_LIMITS.answerChars)));
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
        output.write(`${formatAnswerForTerminal(answer)}\n`);
      } catch (error) {
        if (printed !== undefined) output.write("\n\n");
        output.write(`${userMessage(error)}\n`);
      }
    }
    rl.prompt();
  }
  rl.close();
  output.write("\n");
  await engine.close();
}
