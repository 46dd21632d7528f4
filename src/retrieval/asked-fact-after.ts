import { endsAsAQuestion } from "../text/question-sentence.js";
import { holdsAnswerType } from "./answer-type.js";
import type { Features } from "./features.js";
import type { AnalysedQuestion } from "./question-analysis.js";
import type { RankedSentence } from "./ranked-sentence.js";

/**
 * An answer without the kind of fact asked for, whose next sentence gives it, is quoted with that sentence: "Tethys
 * Salvage began pumping fuel … at 3 p.m. on Friday." is finished by "The company said the job would take at least
 * ten days." for "How long will the pumping take?", and "… the oldest timber hall in the region." by "It measured
 * roughly 24 metres by 9 metres." The judgement allowed it for that neighbour (`besideAskedFact`).
 */
export function withAskedFactAfter<C extends RankedSentence & { features: Features }>(c: C, question: AnalysedQuestion): C {
  const { typeAsked, typeInSentence } = c.features;
  if (typeAsked === 0 || typeInSentence === 1 || !c.next || c.continuedBy?.length) return c;
  // An interviewer's next question ("Will the cuts last until 2028?") finishes no answer, whatever it holds.
  if (endsAsAQuestion(c.next.text) || !holdsAnswerType(question.answerType, c.next.text, question.askedWords, question.askedThing)) return c;
  return { ...c, continuedBy: [c.next] };
}
