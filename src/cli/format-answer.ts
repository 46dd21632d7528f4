import type { Answer, Citation } from "../answer/answer.js";
import { citationLocation } from "../display/citation-location.js";
import { DISPLAY_LIMITS } from "../display/limits.js";
import { citedUrls, defangUrls, redactUrlCredentials, shorten, stripControl, urlsIn } from "../display/safe-text.js";

/**
 * An answer for a terminal. An extractive answer is its cited sentences, so they are printed once, each under its
 * [n]; a chat model's text comes first, then the sentences it rests on. Report and model text is printed without
 * control characters or escape sequences, a model's links are defanged unless a cited sentence quotes them, and
 * long text is cut with an ellipsis (`--json` keeps everything).
 */
export function formatAnswerForTerminal(answer: Answer): string {
  const lines: string[] = [];
  if (answer.mode === "llm" || answer.citations.length === 0) {
    lines.push(terminalText(shorten(answer.text, DISPLAY_LIMITS.answerChars), citedUrls(answer.citations)));
  }
  // Passages that may be related are not citations: no [n], set apart under the answer's own label.
  for (const r of answer.related) lines.push(`  · ${formatPassage(r)}`);
  if (lines.length > 0) lines.push("");
  for (const c of answer.citations) lines.push(`[${c.n}] ${formatPassage(c)}`);
  if (answer.citations.length > 0) lines.push("");
  const note = answer.note ? `, ${stripControl(redactUrlCredentials(answer.note))}` : "";
  lines.push(`(${answer.mode}${note}, ${Math.round(answer.timings.totalMs)} ms)`);
  return lines.join("\n");
}

/** A quoted sentence with where it comes from: report, sentence id, PDF page, and a link to it in a web page. */
function formatPassage(c: Citation): string {
  const text = shorten(c.text, DISPLAY_LIMITS.quoteChars);
  const { page, url } = citationLocation(c.source);
  const where = [c.sentenceId, page].filter(Boolean).join(", ");
  return `“${terminalText(text, new Set(urlsIn(text)))}” — ${terminalText(c.title)} (${where})${url ? `
    ${url}` : ""}`;
}

/** The standalone question a follow-up was read as, for a line above its answer; undefined for a question read as asked. */
export function readAsLine(answer: Answer): string | undefined {
  return answer.standaloneQuestion === undefined ? undefined : `↳ read as: ${terminalText(answer.standaloneQuestion)}`;
}

/** Report or model text fit for a terminal: no escape sequences (one could retitle the window), no foreign links. */
export function terminalText(text: string, allowedUrls?: ReadonlySet<string>): string {
  return defangUrls(stripControl(text), allowedUrls);
}

/** The documented JSON shape of one answer (README: "JSON output"). Credentials in a URL in the note are hidden. */
export function answerToJson(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    ...(answer.standaloneQuestion ? { standaloneQuestion: answer.standaloneQuestion } : {}),
    answer: answer.text,
    abstained: answer.abstained,
    citations: answer.citations,
    related: answer.related,
    mode: answer.mode,
    ...(answer.note ? { note: redactUrlCredentials(answer.note) } : {}),
    // A tenth of a millisecond, as the README shows them: a timer's further digits (160.1707580000002) are noise.
    timings: Object.fromEntries(Object.entries(answer.timings).map(([name, ms]) => [name, Math.round(ms * 10) / 10])),
  });
}
