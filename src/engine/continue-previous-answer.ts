import { parseSentenceId } from "../core/sentence-id.js";
import type { Retrieval } from "../retrieval/retrieve.js";
import type { Turn } from "../conversation/turn.js";
import { closeCall, SETTLED_BY, settled } from "./settle-close-call.js";

/**
 * A follow-up's answer often sits right beside the sentence the previous answer cited: "what did he say is behind
 * the increase?" is answered by the sentence after the one that named him, "How did Afghanistan respond?" by the one
 * after the warning. When retrieval ranks such a neighbour first for a question asked in a conversation (rewritten or
 * not) and it is a close call (`closeCall`), the conversation is the missing evidence: the neighbour answers. A
 * sentence already cited never does (the follow-up asks something new), nor anything when the previous answer cited
 * nothing.
 */
export function continuingPreviousAnswer(retrieval: Retrieval, previous: Turn | undefined): Retrieval {
  const top = closeCall(retrieval);
  const cited = previous?.citations ?? [];
  if (!top || cited.some((c) => c.sentenceId === top.sentence.id)) return retrieval;
  const beside = cited.some((c) => {
    const at = parseSentenceId(c.sentenceId);
    return at?.reportId === top.report.id && Math.abs(top.sentence.index - at.index) === 1;
  });
  return beside ? settled(retrieval, SETTLED_BY.besidePreviousAnswer) : retrieval;
}
