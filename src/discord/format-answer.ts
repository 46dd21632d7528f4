import { ABSTAIN_TEXT, type Answer, type AnswerMode, type Citation } from "../answer/answer.js";
import { citationLocation } from "../display/citation-location.js";
import { DISPLAY_LIMITS } from "../display/limits.js";
import { citedUrls, shorten, urlsIn } from "../display/safe-text.js";
import { pageBlocks, type EmbedPage } from "./embed-pages.js";
import { discordText, escapeMarkdown } from "./markdown.js";

const COLOR_ANSWER = 0x2b6cb0;
const COLOR_ABSTAIN = 0x718096;
/** A report title is a label: long ones (a heading line can be any length) are cut. */
const TITLE_CHARS = 200;

const MODE_LABELS: Record<AnswerMode, string> = {
  extractive: "Extractive answer",
  llm: "Written by a chat model",
  "extractive-fallback": "Extractive answer (chat model unavailable)",
};

/**
 * Turns an Answer into embed pages: the question as title, a chat model's text with its [n] markers, then every
 * cited sentence quoted under its report's title, and a footer with the mode and time taken. Report and model text
 * is escaped so it shows as written, loses any link it was not quoting from a cited sentence, and is cut to
 * DISPLAY_LIMITS, so no answer takes more than a few messages.
 */
export function formatAnswer(answer: Answer, elapsedMs = answer.timings.totalMs): EmbedPage[] {
  // A follow-up's reading sits in the small print, as the terminal shows it dimmed.
  const readAs = answer.standaloneQuestion === undefined ? "" : `Read as: ${shorten(answer.standaloneQuestion, DISPLAY_LIMITS.quoteChars)} · `;
  const footer = `${readAs}${MODE_LABELS[answer.mode]} · ${(elapsedMs / 1000).toFixed(1)} s`;
  const title = escapeMarkdown(answer.question);
  if (answer.abstained || answer.citations.length === 0) {
    // Passages that may be related are shown only with an abstention, apart from it and without [n].
    const related = answer.abstained ? answer.related.map(formatRelated) : [];
    return pageBlocks([discordText(answer.abstained ? answer.text || ABSTAIN_TEXT : ABSTAIN_TEXT), ...related], { title, footer, color: COLOR_ABSTAIN });
  }
  const citationBlocks = answer.citations.map(formatCitation);
  // An extractive answer is nothing but its cited sentences: quoting them once, each under its [n], reads better
  // than the same sentences twice. A written answer comes first, then the sentences it rests on.
  const blocks =
    answer.mode === "llm"
      ? [discordText(shorten(answer.text, DISPLAY_LIMITS.answerChars), citedUrls(answer.citations)), `**Sources**\n${citationBlocks[0]}`, ...citationBlocks.slice(1)]
      : citationBlocks;
  return pageBlocks(blocks, { title, footer, color: COLOR_ANSWER });
}

/** The [n], the report, and where the sentence is in the original: its PDF page, or a link that opens it. */
export function citationHeader(citation: Citation): string {
  const { page, url } = citationLocation(citation.source);
  const link = url ? `[open at the sentence](${url.replace(/[()<> ]/g, encodeURIComponent)})` : undefined;
  return [`**[${citation.n}]** ${reportLabel(citation.title, citation.reportId)}`, page, link].filter(Boolean).join(" · ");
}

/** A report's title and id as answers name it. */
export function reportLabel(title: string, id: string): string {
  return `${reportTitle(title)} · ${code(id)}`;
}

export function reportTitle(title: string): string {
  return discordText(shorten(title, TITLE_CHARS));
}

/** Inline code for an id; a backtick inside would end the span early, and ids are ours, so it is swapped out. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

export function formatCitation(citation: Citation): string {
  return `${citationHeader(citation)}\n${quote(shorten(citation.text, DISPLAY_LIMITS.quoteChars))}`;
}

/** A passage that may be related: quoted under its report like a citation, but with no [n], since nothing cites it. */
function formatRelated(passage: Citation): string {
  return `${reportLabel(passage.title, passage.reportId)}\n${quote(shorten(passage.text, DISPLAY_LIMITS.quoteChars))}`;
}

/** A block quote of report text; the sentence's own URLs are its words, so they may stay links. */
export function quote(text: string): string {
  return `> ${discordText(text, new Set(urlsIn(text))).replace(/\n/g, "\n> ")}`;
}
