import { turnOf, type Turn } from "../conversation/turn.js";
import type { AskOptions, Engine } from "../engine-types.js";

/** A history item as scripts write it: a full turn, or only the question asked (then it is asked again). */
export type HistoryItem = string | Turn;

/**
 * The turns of a conversation as `ask` needs them. Questions given without their answers are asked again in order,
 * each in the light of the ones before, so a scripted conversation replays the way a person would have had it.
 */
export async function replayHistory(engine: Engine, items: readonly HistoryItem[], options: Pick<AskOptions, "reportIds"> = {}): Promise<Turn[]> {
  let history: Turn[] = [];
  for (const item of items) {
    const turn: Turn =
      typeof item === "string" || item.answer === undefined
        ? turnOf(await engine.ask(typeof item === "string" ? item : item.question, { ...options, history }))
        : item;
    // Kept whole: a scripted conversation is short, and the chat rewrite reads only the last CONVERSATION_TURNS.
    history = [...history, turn];
  }
  return history;
}
