import { parseSentenceId } from "../core/sentence-id.js";
import type { Retrieval } from "../retrieval/retrieve.js";
import type { Turn } from "../conversation/turn.js";
import { closeCall, SETTLED_BY, settled } from "./settle-close-call.js";

/**
 * A follow-up's answer often sits right beside the sentence the previous answer cited: "what did he say is behind
 * the increase?" is answered by the sentence after the one that named him, "How did Afghanistan respond?" by the one
 * after the warning. When retrieval ranks such a neighbour first for a question asked in a conversation (rewritten or
 * not), or, for a rewritten one, second behind the sentence the previous answer cited, and it is a close call (`closeCall`), the
 * conversation is the missing evidence: the neighbour answers. A sentence already cited never does (the follow-up asks
 * something new), nor anything when the previous answer cited nothing.
 */
export function continuingPreviousAnswer(retrieval: Retrieval, previous: Turn | undefined, rewritten: boolean): Retrieval {
  const cited = new Set((previous?.citations ?? []).map((c) => c.sentenceId));
  // The words a rewrite carries are the previous answer's, so its own sentence often ranks first; the follow-up asks
  // something new, so that sentence is passed over for the next one. A question read as typed ranks it first by its
  // own words, and then it is the passage the question is about ("Why did the talks collapse?" after "How long did
  // they last?" was answered with the sentence after "collapsed … after four days", on who mediated).
  const first = retrieval.candidates[0];
  const at = rewritten && first && cited.has(first.sentence.id) ? 1 : 0;
  const top = closeCall(retrieval, at);
  if (!top || cited.has(top.sentence.id)) return retrieval;
  const beside = [...cited].some((id) => {
    const previousAt = parseSentenceId(id);
    return previousAt?.reportId === top.report.id && Math.abs(top.sentence.index - previousAt.index) === 1;
  });
  return beside ? settled(retrieval, SETTLED_BY.besidePreviousAnswer, at) : retrieval;
}
