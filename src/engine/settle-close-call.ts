import { mayAnswer } from "../retrieval/answer-features.js";
import type { Judgement } from "../retrieval/answerability.js";
import { holdsAskedFact } from "../retrieval/features.js";
import type { Candidate, Retrieval } from "../retrieval/retrieve.js";

/** Why the conversation settled a close call: the evidence it added to the judgement's. */
export const SETTLED_BY = {
  previousReport: "settled by the report the previous answer came from",
  besidePreviousAnswer: "beside the sentence the previous answer cited",
  previousAnswer: "another fact of a sentence the previous answer cited",
  followUpModel: "the follow-up model, weighing what the conversation knows",
} as const;

/**
 * Below this answer probability the judgement is not torn, it is against: "what is his name?" after a question on an
 * unnamed guard was settled at 0.17 by the sentence beside the previous answer, which names nobody. On the seven
 * follow-up sets a floor of 0.3 removed one wrong answer and one right one; 0.5 removed the same wrong one and seven
 * right ones.
 */
const CLOSE_CALL_FLOOR = 0.3;

/**
 * The passage a close call could be settled with by what the conversation knows: the best one (or the one ranked
 * `at`), when the judgement found it near (passages it would show) but not sure, it may answer a question (its report
 * holds the question's names, it has the main verb, it is not itself a question) and it holds the kind of fact asked
 * for ("What did it cost?" is not answered by a sentence without a sum, however the conversation points to it).
 */
export function closeCall(retrieval: Retrieval, at = 0): Candidate | undefined {
  const { judgement, candidates } = retrieval;
  const top = candidates[at];
  if (!top || judgement.answerable || !judgement.related || judgement.confidence < CLOSE_CALL_FLOOR) return undefined;
  return mayAnswer(top) && holdsAskedFact(top.features) ? top : undefined;
}

/**
 * The close call answered by its passage ranked `at`, which moves first as the answer; `reason` is how
 * `settledByConversation` knows it later.
 */
export function settled(retrieval: Retrieval, reason: (typeof SETTLED_BY)[keyof typeof SETTLED_BY], at = 0): Retrieval {
  const { candidates } = retrieval;
  const reordered = at === 0 ? candidates : [candidates[at]!, ...candidates.filter((_, i) => i !== at)];
  return { ...retrieval, candidates: reordered, judgement: { ...retrieval.judgement, answerable: true, related: false, answerAt: 0, reason } };
}

/**
 * Whether the conversation settled the judgement: it checked one passage only, so that one alone may be cited; the
 * answerer would otherwise add close neighbours nothing checked ("how many children did she have?" cited her birth).
 */
export function settledByConversation(judgement: Judgement): boolean {
  return Object.values(SETTLED_BY).some((reason) => reason === judgement.reason);
}
