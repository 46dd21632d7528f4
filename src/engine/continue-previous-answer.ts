import { parseSentenceId } from "../core/sentence-id.js";
import { mayAnswer } from "../retrieval/answer-features.js";
import { holdsAskedFact } from "../retrieval/features.js";
import type { Retrieval } from "../retrieval/retrieve.js";
import type { Turn } from "../conversation/turn.js";

/**
 * A follow-up's answer often sits right beside the sentence the previous answer cited: "what did he say is behind
 * the increase?" is answered by the sentence after the one that named him, "How did Afghanistan respond?" by the one
 * after the warning. When retrieval ranks such a neighbour first for a question asked in a conversation (rewritten or
 * not) and the judgement finds it close (passages it would show as related) but not sure, the conversation is the
 * missing evidence: the neighbour answers. A sentence already cited never does (the follow-up asks something new),
 * nor a sentence that may not answer any question (its report lacks a name of the question, it lacks the main verb,
 * it is itself a question), nor one that lacks the kind of fact asked for (the same test
 * as a word-for-word answer: adjacency is no evidence that "What did it cost?" is answered by a sentence without a
 * sum), nor anything when the previous answer cited nothing.
 */
export function continuingPreviousAnswer(retrieval: Retrieval, previous: Turn | undefined): Retrieval {
  const { judgement, candidates } = retrieval;
  const top = candidates[0];
  if (!top || judgement.answerable || !judgement.related || !mayAnswer(top)) return retrieval;
  if (!holdsAskedFact(top.features)) return retrieval;
  const cited = previous?.citations ?? [];
  if (cited.some((c) => c.sentenceId === top.sentence.id)) return retrieval;
  const beside = cited.some((c) => {
    const at = parseSentenceId(c.sentenceId);
    return at?.reportId === top.report.id && Math.abs(top.sentence.index - at.index) === 1;
  });
  if (!beside) return retrieval;
  return { ...retrieval, judgement: { ...judgement, answerable: true, related: false, answerAt: 0, reason: "beside the sentence the previous answer cited" } };
}
