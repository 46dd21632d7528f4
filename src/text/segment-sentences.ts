import type { SentenceSpan } from "../core/types.js";

// ICU (through Intl.Segmenter) knows sentence-final punctuation, closing quotes and lowercase continuations,
// but it breaks after every title abbreviation and initial ("Mr. Smith", "John F. Kennedy"); these fix-ups rejoin them.
/** Words that end with a period without ending the sentence; the chat-model reply parser shares them. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    "mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm sen rep gov pres supt insp det st jr sr rev hon fr " +
    "mt ft no nos vol vols fig figs art sec ch pp jan feb mar apr jun jul aug sep sept oct nov dec co corp inc ltd " +
    "bros dept est approx vs etc al e.g i.e " +
    // Titles before a name in British and American reports, none of them a word that ends a sentence ("brig." and
    // "esq." may: "held in the brig.", "John Ellis, Esq.").
    "cllr coun ald messrs mme mmes mlle rt pte pvt cpl cdr comdr lieut sens drs atty amb msgr asst"
  ).split(" "),
);
// Words that usually open a sentence: after "U.S." they signal a real boundary ("…in the U.S. They agreed.").
const SENTENCE_OPENERS = new Set(
  (
    "a an the this that these those he she it they we i you his her its their our my there here but and or so yet " +
    "however meanwhile in on at for if when while after before as by from with without since despite although " +
    "according officials some many most no not one two three what who why how where"
  ).split(" "),
);

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * Splits prose into sentences with character offsets into `text`.
 * Single line breaks inside a paragraph (hard-wrapped text) do not end a sentence; blank lines, headings and list
 * items do, so a closing attribution line without a full stop ("Based On ANI Report") stands as its own sentence.
 */
export function segmentSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const block of blocks(text)) {
    const flat = block.text.replace(/\n/g, " ");
    let pending: { start: number; end: number } | undefined;
    for (const seg of sentenceSegments(flat)) {
      const start = block.start + seg.index;
      const end = start + seg.segment.length;
      // Only the end of the pending sentence matters for joining; slicing all of it would be quadratic in its length.
      if (pending && shouldJoin(text.slice(Math.max(pending.start, pending.end - JOIN_CONTEXT), pending.end), seg.segment)) {
        pending.end = end;
      } else {
        if (pending) pushTrimmed(spans, text, pending.start, pending.end);
        pending = { start, end };
      }
    }
    if (pending) pushTrimmed(spans, text, pending.start, pending.end);
  }
  return spans;
}

const JOIN_CONTEXT = 80;
// V8's sentence iterator slows down with every segment of one long string (50,000 short sentences took a minute), so
// long blocks are segmented a window at a time, each window restarting at the last sentence start the previous found.
const WINDOW = 8192;

function* sentenceSegments(block: string): Generator<{ index: number; segment: string }> {
  let from = 0;
  while (from < block.length) {
    let end = Math.min(block.length, from + WINDOW);
    // End the window after a space where there is one, so a "sentence" longer than the window is not cut mid-word.
    if (end < block.length) {
      let space = end - 1;
      while (space > from && block[space] !== " ") space--;
      if (space > from) end = space + 1;
    }
    const found = [...segmenter.segment(block.slice(from, end))];
    // The window's last segment may be cut off by the window's end: it is segmented again from its start, unless it
    // is the only one (a "sentence" longer than the window, split later anyway).
    const keep = end === block.length || found.length === 1 ? found.length : found.length - 1;
    for (let i = 0; i < keep; i++) yield { index: from + found[i]!.index, segment: found[i]!.segment };
    from = keep === found.length ? end : from + found[keep]!.index;
  }
}
/**
 * Longer "sentences" (a run-on paragraph without full stops, a pasted table) are cut at the last space before this many
 * characters: each piece is still an exact slice of the report, and embedding stays cheap.
 */
export const MAX_SENTENCE_CHARS = 3000;

const HEADING = /^#{1,6}\s/;
const LIST_ITEM = /^([-*+]|\d+[.)])\s/;
const QUOTE = /^>/;
// A line without closing punctuation that is this much shorter than its paragraph's longest line is a headline,
// byline or dateline, not a wrapped line of prose.
const SHORT_LINE_RATIO = 0.6;

/** Paragraphs, headings, list items and quotes: the spans a sentence never crosses. */
function blocks(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const push = (start: number, end: number) => out.push({ text: text.slice(start, end), start });
  for (const paragraph of paragraphs(text)) {
    // A loop, not Math.max(...lines): a paragraph of 150,000 lines would overflow the call stack as arguments.
    let longest = 0;
    for (const l of paragraph) longest = Math.max(longest, l.text.trim().length);
    let current: { start: number; end: number } | undefined;
    let previous = "";
    for (const line of paragraph) {
      const trimmed = line.text.trim();
      const previousStandsAlone =
        HEADING.test(previous) ||
        (previous !== "" && !/[.!?:;,"”’)\]]$/.test(previous) && previous.length < SHORT_LINE_RATIO * longest);
      const startsBlock =
        HEADING.test(trimmed) || LIST_ITEM.test(trimmed) || (QUOTE.test(trimmed) && !QUOTE.test(previous)) || previousStandsAlone;
      if (current && !startsBlock) current.end = line.end;
      else {
        if (current) push(current.start, current.end);
        current = { start: line.start, end: line.end };
      }
      previous = trimmed;
    }
    if (current) push(current.start, current.end);
  }
  return out;
}

/** Runs of non-blank lines, each line with its offsets. */
function paragraphs(text: string): Array<Array<{ text: string; start: number; end: number }>> {
  const out: Array<Array<{ text: string; start: number; end: number }>> = [];
  let current: Array<{ text: string; start: number; end: number }> = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const entry = { text: line, start: offset, end: offset + line.length };
    offset = entry.end + 1;
    if (line.trim() === "") {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push(entry);
  }
  if (current.length > 0) out.push(current);
  return out;
}

function shouldJoin(previous: string, next: string): boolean {
  const prev = previous.trimEnd();
  const nextTrimmed = next.trimStart();
  if (nextTrimmed === "") return true;
  // A "sentence" that opens in lowercase continues the previous one ('He said "Go!" and left.').
  if (/^[a-z]/.test(nextTrimmed)) return true;
  const lastWord = /(\S+)\.$/.exec(prev)?.[1];
  if (!lastWord) return false;
  const bare = lastWord.replace(/^[("“‘']+/, "").toLowerCase();
  if (/^[A-Z]$/.test(lastWord.replace(/^[("“‘']+/, ""))) return true; // an initial: "John F. Kennedy"
  if (ABBREVIATIONS.has(bare)) return true;
  if (/^([a-z]\.)+[a-z]$/i.test(bare)) {
    // A dotted acronym ("U.S.") followed by a name-like word continues ("the U.S. Army"); an opener does not.
    const firstWord = /^[“"‘']?([A-Za-z]+)/.exec(nextTrimmed)?.[1]?.toLowerCase() ?? "";
    return !SENTENCE_OPENERS.has(firstWord);
  }
  return false;
}

function pushTrimmed(spans: SentenceSpan[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  // Headings are titles, not statements a citation can rest on.
  if (HEADING.test(text.slice(s, e))) return;
  // List and quote markers are layout: the cited sentence starts after them (still an exact slice).
  const marker = /^(?:(?:[-*+]|\d+[.)])\s+|>\s*)+/.exec(text.slice(s, e));
  if (marker) s += marker[0].length;
  for (const piece of pieces(text, s, e)) {
    // A span without a word ("1.", "—", "***") is not a sentence.
    if (/\p{L}{2,}/u.test(text.slice(piece.start, piece.end))) spans.push({ text: text.slice(piece.start, piece.end), ...piece });
  }
}

/** [start, end) cut into spans of at most MAX_SENTENCE_CHARS, at whitespace where there is some, trimmed. */
function* pieces(text: string, start: number, end: number): Generator<{ start: number; end: number }> {
  let s = start;
  while (end - s > MAX_SENTENCE_CHARS) {
    let cut = s + MAX_SENTENCE_CHARS;
    while (cut > s && !/\s/.test(text[cut]!)) cut--;
    if (cut <= s) {
      cut = s + MAX_SENTENCE_CHARS;
      // Never between the two halves of a surrogate pair.
      if (/[\uDC00-\uDFFF]/.test(text[cut]!)) cut--;
    }
    let e = cut;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) yield { start: s, end: e };
    s = cut;
    while (s < end && /\s/.test(text[s]!)) s++;
  }
  if (end > s) yield { start: s, end };
}
