import type { Answer, Citation } from "../answer/answer.js";

/** One earlier question of a conversation with what Dossier answered, as `ask(…, { history })` receives it. */
export interface Turn {
  question: string;
  /** The answer's text; absent when only the question is known (a history given as a list of questions). */
  answer?: string;
  citations?: Citation[];
  /** When it abstained: the passages it showed as possibly related; the closest tells what the conversation is about. */
  related?: Citation[];
  /** What the question was read as, when it was itself a follow-up. */
  standaloneQuestion?: string;
}

/** The turn an answer adds to its conversation. */
export function turnOf(answer: Answer): Turn {
  return {
    question: answer.question,
    answer: answer.text,
    citations: answer.citations,
    ...(answer.related.length > 0 ? { related: answer.related } : {}),
    ...(answer.standaloneQuestion ? { standaloneQuestion: answer.standaloneQuestion } : {}),
  };
}

/** The history with `turn` added, keeping only the last `maxTurns` (CONVERSATION_TURNS). */
export function appendTurn(history: readonly Turn[], turn: Turn, maxTurns: number): Turn[] {
  return [...history, turn].slice(-maxTurns);
}

/** What a turn asked, in full: its standalone reading when it was a follow-up. */
export function understoodQuestion(turn: Turn): string {
  return turn.standaloneQuestion ?? turn.question;
}

/**
 * The reports a turn was about: those its answer cited; when it was not sure, the report of the closest passage it
 * showed. The others were shown for being near, from wherever: "When will Ostrander apply for approval?" showed a
 * court's review beside the drug trial's, and "how long does the review take?" then took the court's.
 */
export function reportsOf(turn: Turn): string[] {
  const cited = (turn.citations ?? []).map((c) => c.reportId);
  return cited.length > 0 ? [...new Set(cited)] : (turn.related ?? []).slice(0, 1).map((c) => c.reportId);
}

/**
 * The report the previous turn's answer came from: the first its answer cited. Passages a turn only showed, when it
 * was not sure, are not counted: they were near, not found, and settling a follow-up with them answered "when was it
 * found?" with "the week between discovery and notice". What "the previous report" means for every rule that uses it:
 * the reading's report preference, the settling of a close call, the retry within one report.
 */
export function answeredFrom(history: readonly Turn[]): string | undefined {
  return history.at(-1)?.citations?.[0]?.reportId;
}
