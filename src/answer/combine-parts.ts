import type { AnswerDraft, Citation } from "./answer.js";

/**
 * One answer to a two-part question from the answers to its parts: each answered part quotes its sentences under
 * shared [n] numbers (a sentence that answers both is cited once), and a part without an answer says so.
 * With no part answered the caller abstains on the whole question.
 */
export function combineParts(parts: Array<{ text: string; draft: AnswerDraft }>): AnswerDraft {
  const citations: Citation[] = [];
  const numberOf = (c: Citation) => {
    let found = citations.find((x) => x.text === c.text);
    if (!found) citations.push((found = { ...c, n: citations.length + 1 }));
    return found.n;
  };
  const lines = parts.map(({ text, draft }) =>
    draft.abstained ? `${text} — I couldn't find a definite answer to this part.` : draft.citations.map((c) => `${c.text} [${numberOf(c)}]`).join(" "),
  );
  return { text: lines.join("\n"), abstained: false, citations, mode: "extractive" };
}
