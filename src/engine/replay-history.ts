import type { Answer } from "../answer/answer.js";
import { turnOf, type Turn } from "../conversation/turn.js";
import { shorten } from "../display/safe-text.js";
import type { AskOptions, Engine } from "../engine-types.js";
import { DossierError } from "../errors.js";

/** A history item as scripts write it: a full turn, or only the question asked (then it is asked again). */
export type HistoryItem = string | Turn;

/**
 * The turns of a conversation as `ask` needs them. Questions given without their answers are asked again in order,
 * each in the light of the ones before, so a scripted conversation replays the way a person would have had it.
 */
export async function replayHistory(engine: Pick<Engine, "ask">, items: readonly HistoryItem[], options: Pick<AskOptions, "reportIds"> = {}): Promise<Turn[]> {
  let history: Turn[] = [];
  for (const item of items) {
    const turn: Turn =
      typeof item === "string" || item.answer === undefined
        ? turnOf(await askAgain(engine, typeof item === "string" ? item : item.question, { ...options, history }))
        : item;
    // Kept whole: a scripted conversation is short, and the chat rewrite reads only the last CONVERSATION_TURNS.
    history = [...history, turn];
  }
  return history;
}

/**
 * An earlier question asked again; its failure is said as the history's, not as the question that follows it, which
 * never ran ("Please ask a question in words" for a new question that has them sent the reader to the wrong line).
 */
async function askAgain(engine: Pick<Engine, "ask">, question: string, options: AskOptions): Promise<Answer> {
  try {
    return await engine.ask(question, options);
  } catch (error) {
    if (!(error instanceof DossierError)) throw error;
    const which = `The conversation's earlier question "${shorten(question, QUOTED_CHARS)}" could not be asked again`;
    throw new DossierError(error.code, `${which}: ${error.message}`, { cause: error, forOperator: `${which}: ${error.forOperator}` });
  }
}

/** Enough of an earlier question to find it in its file. */
const QUOTED_CHARS = 80;
