import { LRUCache } from "lru-cache";
import { stemmer } from "stemmer";
import { dropInvisible } from "./invisible.js";
import { keptApartStem } from "./kept-apart.js";
import { ABBREVIATIONS } from "./segment-sentences.js";

// Function words and question words carry no evidence that a report holds an answer.
const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between " +
    "both but by can could did do does doing down during each few for from further had has have having he her here " +
    "hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off " +
    "on once only or other our ours ourselves out over own same she should so some such than that the their theirs " +
    "them themselves then there these they this those through to too under until up very was we were what when where " +
    "which while who whom why will with would you your yours yourself yourselves whose whether say said says tell told " +
    "according report reports reported mention mentioned article story news please give describe explain happen happened " +
    "did does do anything something thing things get got make made way ways many much one ones " +
    // Event verbs that only frame "where/when" questions ("where were the talks held?", "how long did it last?").
    "held hold take took taken place happen happened occur occurred located situated last lasted"
  ).split(/\s+/),
);

export interface Term {
  /** The stemmed, lowercased form used for matching. */
  stem: string;
  /** The word as written. */
  surface: string;
  /** Capitalised mid-sentence, an acronym or a number: a name or figure the answer must mention. */
  salient: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*\.?/gu;

/** A function or question word ("the", "how"), which carries no evidence that a report holds an answer. */
export function isStopWord(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}

/**
 * Lowercased stem of one word; dotted acronyms lose their dots ("U.S." → "us") and possessives their "'s". A word Porter
 * joins with one of another meaning keeps a stem of its own (kept-apart.ts): "officer" is not "office".
 */
export function normalizeWord(word: string): string {
  const w = word
    .toLowerCase()
    .replace(/['’]s$/u, "")
    .replace(/\.(?=[\p{L}\p{N}])/gu, "")
    .replace(/\.$/, "")
    .replace(/['’]/g, "");
  return /^\p{N}/u.test(w) ? w : (keptApartStem(w) ?? stemmer(w));
}

// Retrieval reads the terms of each candidate sentence again for every question: kept for the texts seen last.
const extracted = new LRUCache<string, readonly Term[]>({ max: 20_000 });

/** Words of a text as matchable terms, stopwords removed (shared and frozen: callers copy to change them). */
export function extractTerms(text: string): readonly Term[] {
  let terms = extracted.get(text);
  if (!terms) extracted.set(text, (terms = Object.freeze(termsOf(text).map((t) => Object.freeze(t)))));
  return terms;
}

function termsOf(written: string): Term[] {
  const text = dropInvisible(written);
  const terms: Term[] = [];
  let sentenceStart = true;
  let previous = "";
  for (const match of text.matchAll(WORD)) {
    const raw = match[0].replace(/\.$/, (dot) => (/^(\p{L}\.)+\p{L}\.$/u.test(match[0]) ? dot : ""));
    const before = text.slice(Math.max(0, (match.index ?? 0) - 2), match.index ?? 0);
    // A full stop after a title or an initial ends no sentence: "Derek" of "Cllr. Derek Maddox" is a name.
    const startsSentence = sentenceStart || (/[.!?]\s*$/.test(before) && !isTitleOrInitial(previous));
    sentenceStart = false;
    previous = match[0];
    const acronym = /^(\p{Lu}\.?){2,}$/u.test(raw);
    const lower = raw.toLowerCase();
    if (!acronym && STOPWORDS.has(lower.replace(/['’]s$/u, ""))) continue;
    const capitalised = /^\p{Lu}/u.test(raw) && !startsSentence;
    const numeric = /\p{N}/u.test(raw);
    terms.push({ stem: normalizeWord(raw), surface: raw, salient: acronym || capitalised || numeric });
  }
  return terms;
}

/** "Cllr.", "Dr.", "F.": a word whose full stop the sentence splitter does not end a sentence at. */
function isTitleOrInitial(word: string): boolean {
  return word.endsWith(".") && (/^\p{Lu}\.$/u.test(word) || ABBREVIATIONS.has(word.slice(0, -1).toLowerCase()));
}

/** Stems of a text, for lexical indexing (every occurrence, in order). */
export function stems(text: string): string[] {
  return extractTerms(text).map((t) => t.stem);
}
