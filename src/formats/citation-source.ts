import type { CitationSource, SourceKind } from "../core/types.js";
import { pageAt } from "./read-format.js";

/** What the index remembers of a report's origin that a citation needs (see ReportOrigin). */
interface Origin {
  kind: SourceKind;
  url?: string;
  pageStarts?: number[];
}

export function citationSource(origin: Origin | undefined, sentence: { text: string; start: number }): CitationSource {
  if (!origin) return { kind: "text" };
  const page = origin.pageStarts ? pageAt(origin.pageStarts, sentence.start) : undefined;
  let url: string | undefined;
  if (origin.url) {
    if (origin.kind === "web") url = textFragmentLink(origin.url, sentence.text);
    else if (page !== undefined) url = `${withoutFragment(origin.url)}#page=${page}`;
    else url = origin.url;
  }
  return { kind: origin.kind, ...(url !== undefined && { url }), ...(page !== undefined && { page }) };
}

// A long sentence is matched by its first and last words (textStart,textEnd), which keeps the link short.
const WHOLE_SENTENCE_WORDS = 10;
const EDGE_WORDS = 4;

/** The page's address with a text directive for the sentence (https://wicg.github.io/scroll-to-text-fragment/). */
export function textFragmentLink(pageUrl: string, sentence: string): string {
  const words = sentence.split(/\s+/).filter(Boolean);
  const encode = (part: string[]) => encodeURIComponent(part.join(" ")).replace(/-/g, "%2D");
  const directive =
    words.length <= WHOLE_SENTENCE_WORDS
      ? encode(words)
      : `${encode(words.slice(0, EDGE_WORDS))},${encode(words.slice(-EDGE_WORDS))}`;
  return `${withoutFragment(pageUrl)}#:~:text=${directive}`;
}

function withoutFragment(url: string): string {
  const hash = url.indexOf("#");
  return hash === -1 ? url : url.slice(0, hash);
}
