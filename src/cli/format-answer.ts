import type { Answer } from "../answer/answer.js";

/** An answer for a terminal: the text, then each numbered citation with its report title. */
export function formatAnswerForTerminal(answer: Answer): string {
  const lines = [answer.text];
  if (answer.citations.length > 0) {
    lines.push("");
    for (const c of answer.citations) lines.push(`[${c.n}] “${c.text}” — ${c.title} (${c.sentenceId})`);
  }
  // Passages that may be related are not citations: no [n], set apart under the answer's own label.
  for (const r of answer.related) lines.push(`  · “${r.text}” — ${r.title} (${r.sentenceId})`);
  const note = answer.note ? `, ${answer.note}` : "";
  lines.push(`(${answer.mode}${note}, ${Math.round(answer.timings.totalMs)} ms)`);
  return lines.join("\n");
}

/** The documented JSON shape of one answer (README: "JSON output"). */
export function answerToJson(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    answer: answer.text,
    abstained: answer.abstained,
    citations: answer.citations,
    related: answer.related,
    mode: answer.mode,
    ...(answer.note ? { note: answer.note } : {}),
    timings: answer.timings,
  });
}
