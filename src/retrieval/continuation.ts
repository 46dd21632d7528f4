import type { SentenceRecord } from "../index/records.js";

// A list marker alone on the line just before a sentence: "- ", "* ", "• ", "1. ", "2) ".
const LIST_MARKER = /\n[ \t]*(?:[-*•+]|\d{1,3}[.)])[ \t]+$/;
const MAX_LIST_ITEMS = 12;
const MAX_QUOTE_SENTENCES = 4;

/**
 * The sentences that must be quoted with the one at `at` for it to make sense: the items of a list it introduces
 * (it ends with ":"), or the rest of a quotation it opens and does not close.
 */
export function continuationOf(reportText: string, sentences: readonly SentenceRecord[], at: number): SentenceRecord[] {
  const first = sentences[at];
  if (!first) return [];
  const out: SentenceRecord[] = [];
  if (/:\s*$/.test(first.text)) {
    for (let i = at + 1; i < sentences.length && out.length < MAX_LIST_ITEMS; i++) {
      const next = sentences[i]!;
      if (!LIST_MARKER.test(reportText.slice(sentences[i - 1]!.end, next.start))) break;
      out.push(next);
    }
    return out;
  }
  const quotes = { curly: 0, straight: 0 };
  const read = (text: string) => {
    quotes.curly += count(text, /“/g) - count(text, /”/g);
    quotes.straight = (quotes.straight + count(text, /"/g)) % 2;
  };
  const open = () => quotes.curly > 0 || quotes.straight === 1;
  read(first.text);
  for (let i = at + 1; open() && i < sentences.length && out.length < MAX_QUOTE_SENTENCES; i++) {
    out.push(sentences[i]!);
    read(sentences[i]!.text);
  }
  // A quotation that never closes is more likely a stray mark than a long quote: quote the sentence alone.
  return open() ? [] : out;
}

const count = (text: string, mark: RegExp) => text.match(mark)?.length ?? 0;
