import { escapeMarkdown } from "discord.js";
import { ABSTAIN_TEXT, type Answer, type AnswerMode, type Citation } from "../answer/answer.js";
import { pageBlocks, type EmbedPage } from "./embed-pages.js";

const COLOR_ANSWER = 0x2b6cb0;
const COLOR_ABSTAIN = 0x718096;

const MODE_LABELS: Record<AnswerMode, string> = {
  extractive: "Extractive answer",
  llm: "Written by a chat model",
  "extractive-fallback": "Extractive answer (chat model unavailable)",
};

/**
 * Turns an Answer into embed pages: the question as title, the answer text with its [n] markers, then every cited
 * sentence quoted under its report's title, and a footer with the mode and time taken. Report text is escaped so a
 * stray `*` or `_` in a sentence shows as written instead of restyling the quote.
 */
export function formatAnswer(answer: Answer, elapsedMs = answer.timings.totalMs): EmbedPage[] {
  const footer = `${MODE_LABELS[answer.mode]} · ${(elapsedMs / 1000).toFixed(1)} s`;
  if (answer.abstained || answer.citations.length === 0) {
    const related = answer.abstained ? answer.related.map(formatRelated) : [];
    return pageBlocks([escapeMarkdown(answer.abstained ? answer.text || ABSTAIN_TEXT : ABSTAIN_TEXT), ...related], {
      title: escapeMarkdown(answer.question),
      footer,
      color: COLOR_ABSTAIN,
    });
  }
  const citationBlocks = answer.citations.map(formatCitation);
  // An extractive answer is nothing but its cited sentences: quoting them once, each under its [n], reads better
  // than the same sentences twice. A written answer comes first, then the sentences it rests on.
  const blocks = answer.mode === "llm" ? [escapeMarkdown(answer.text), `**Sources**\n${citationBlocks[0]}`, ...citationBlocks.slice(1)] : citationBlocks;
  return pageBlocks(blocks, {
    title: escapeMarkdown(answer.question),
    footer,
    color: COLOR_ANSWER,
  });
}

export function formatCitation(citation: Citation): string {
  return `**[${citation.n}]** ${escapeMarkdown(citation.title)} · \`${citation.reportId}\`\n${quote(citation.text)}`;
}

/** A passage that may be related: quoted under its report like a citation, but with no [n], since nothing cites it. */
function formatRelated(passage: Citation): string {
  return `${escapeMarkdown(passage.title)} · \`${passage.reportId}\`\n${quote(passage.text)}`;
}

export function quote(text: string): string {
  return `> ${escapeMarkdown(text).replace(/\n/g, "\n> ")}`;
}
