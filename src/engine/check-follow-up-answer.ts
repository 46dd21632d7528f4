import type { Retrieval } from "../retrieval/retrieve.js";

/**
 * How high the answer to a rewritten follow-up must rank when the follow-up is read with its own words only. On the
 * bank's follow-ups and a second set written apart from them, 3 removed a quarter of the wrong answers for two right
 * ones in 80; 2 removed one more wrong answer for two more right ones, 1 cost a tenth of the right answers.
 */
export const OWN_WORDS_RANKS = 3;

/**
 * A rewritten follow-up is answered with words it did not say: the names and phrases its pronouns were taken to
 * stand for, the shape of the previous question, the previous turn's key words. When the rewrite guessed wrong, those
 * words find a sentence about the wrong thing and the judgement counts them as found, so the answer is confidently
 * wrong. `own` is the same follow-up retrieved with only its own words as the question's (the rewrite helps find
 * passages but is not counted as asked): the answer stands only if its sentence is also among the first few there;
 * otherwise Dossier says it is not sure and shows the passages.
 */
export function confirmRewrittenAnswer(rewritten: Retrieval, own: Retrieval): Retrieval {
  const { judgement, candidates } = rewritten;
  const answer = candidates[0];
  if (!judgement.answerable || answer === undefined) return rewritten;
  if (own.candidates.slice(0, OWN_WORDS_RANKS).some((c) => c.sentence.id === answer.sentence.id)) return rewritten;
  return notSure(rewritten, "the follow-up's own words do not point to the answer the rewrite found");
}

/**
 * An interview's questions are sentences of its report, and a follow-up ("What went wrong?", "Will islanders pay it
 * too?") finds the interviewer's question word for word, and the judgement counts every word as found. A question
 * answers nothing: Dossier says it is not sure and shows the passages, the reply among them.
 */
export function notAnsweredWithAQuestion(retrieval: Retrieval): Retrieval {
  const answer = retrieval.candidates[0];
  if (!retrieval.judgement.answerable || answer === undefined || !/\?["”’*]*\s*$/.test(answer.sentence.text)) return retrieval;
  return notSure(retrieval, "the sentence found is itself a question");
}

function notSure(retrieval: Retrieval, reason: string): Retrieval {
  return { ...retrieval, judgement: { ...retrieval.judgement, answerable: false, related: true, answerAt: undefined, reason } };
}
