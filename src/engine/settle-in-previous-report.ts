import { mayAnswer } from "../retrieval/answer-features.js";
import { holdsAskedFact } from "../retrieval/features.js";
import type { Retrieval } from "../retrieval/retrieve.js";
import { reportsOf, type Turn } from "../conversation/turn.js";
import { extractTerms } from "../text/terms.js";

/**
 * The answer model's probability at which the conversation settles a close call: the best passage is more likely
 * right than wrong (alone it answers only above its fitted threshold, about 0.76). On the four tuning sets of
 * follow-ups, every answer it let through from 0.5 was right but one, which the name rule below stops; from 0.4 two
 * more were wrong.
 */
export const SETTLES_FROM = 0.5;

/**
 * "and the pools?" after "What happens to the parks department in the budget?", "how many officers will that pay
 * for?": the follow-up is read right and its best passage is found, but the judgement, which sees one question and
 * not the conversation, is not sure. The conversation is evidence it lacks: the passage is in the report the previous
 * answer came from (when it was not sure, the report of the closest passage it showed), and the follow-up's own words (`own`, retrieved with the reading only as search context) rank the
 * same passage first, so the reading did not lead it there. Then a passage the model finds more likely right than
 * wrong answers, when it may answer at all and holds the kind of fact asked for. A name the follow-up brings of its
 * own ("will they appeal to the Supreme Court?") must be in that passage itself: the conversation tells which report
 * and subject the question is about, not where a new name is.
 */
export function settledInPreviousReport(retrieval: Retrieval, own: Retrieval, asked: string, previous: Turn | undefined): Retrieval {
  const { judgement, candidates } = retrieval;
  const top = candidates[0];
  if (!top || judgement.answerable || !judgement.related || judgement.confidence < SETTLES_FROM) return retrieval;
  if (!mayAnswer(top) || !holdsAskedFact(top.features)) return retrieval;
  if (previous === undefined || reportsOf(previous)[0] !== top.report.id) return retrieval;
  if (own.candidates[0]?.sentence.id !== top.sentence.id) return retrieval;
  const said = new Set(extractTerms(top.sentence.text).map((t) => t.stem));
  if (!extractTerms(asked).every((t) => !t.salient || said.has(t.stem))) return retrieval;
  return { ...retrieval, judgement: { ...judgement, answerable: true, related: false, answerAt: 0, reason: "settled by the report the previous answer came from" } };
}

