import { coreOf } from "../conversation/follow-up-reading.js";
import { type Turn, understoodQuestion } from "../conversation/turn.js";
import { figureNearWords } from "../conversation/answered-figure.js";
import { type AnswerType, answerTypeOf } from "../retrieval/answer-type.js";
import type { Retrieval } from "../retrieval/retrieve.js";
import { extractTerms } from "../text/terms.js";
import { closeCall, SETTLED_BY, settled } from "./settle-close-call.js";

/** The kinds of fact that are figures: for these the figure must sit beside the follow-up's words (`figureNearWords`). */
const FIGURES = new Set<AnswerType>(["count", "amount", "figure", "money", "duration"]);
export const asksForFigure = (question: string) => FIGURES.has(answerTypeOf(question));

/**
 * "How many vessels did she inherit?" after "What did Catriona Vell do before?" was answered with "… She inherited a
 * fleet of nine vessels, …": a news sentence holds several facts, and a follow-up often asks for another one of a
 * sentence the previous answer cited. Retrieval ranks that sentence first, but the judgement, which sees one question
 * and not the conversation, is not sure (0.31). The conversation is evidence it lacks: the sentence was found for this
 * conversation's subject. A close call (`closeCall`: the sentence holds the kind of fact asked for) is settled by it
 * when the follow-up asks for a kind of fact (a count, a date, a person …) the previous question did not, so it is not
 * the previous answer again, and the sentence says every word of the follow-up as typed besides its question words,
 * names and numbers (a follow-up with no such word, "when?", has nothing to check and is left to the judgement).
 * Elsewhere a sentence already cited never answers a follow-up (`continuingPreviousAnswer`): the follow-up asks
 * something new, and without a new kind of fact to hold, the old sentence is only where its words came from.
 */
export function settledInPreviousAnswer(retrieval: Retrieval, previous: Turn | undefined, typed: string): Retrieval {
  const top = closeCall(retrieval);
  if (!top || previous === undefined || !(previous.citations ?? []).some((c) => c.sentenceId === top.sentence.id)) return retrieval;
  const asks = answerTypeOf(typed);
  if (asks === undefined || asks === answerTypeOf(coreOf(understoodQuestion(previous)))) return retrieval;
  const said = new Set(extractTerms(top.sentence.text).map((t) => t.stem));
  const own = extractTerms(typed).filter((t) => !t.salient);
  if (own.length === 0 || !own.every((t) => said.has(t.stem))) return retrieval;
  // A sentence holds several figures, and its words several clauses: the figure asked for is one beside those words.
  // `figureOfAnotherClause` would overrule this settling afterwards; declined here, the other settling rules still try.
  if (asksForFigure(typed) && !figureNearWords(top.sentence.text, typed)) return retrieval;
  return settled(retrieval, SETTLED_BY.previousAnswer);
}
