import { YEAR } from "../text/non-quantities.js";
import { ORDINALS, SMALL_NUMBER_WORDS } from "../text/number-words.js";

/**
 * What narrows a question to one of several like facts: a year ("How many votes did she get in 2022?"), an ordinal
 * ("the third rapid game"), a number joined to a noun ("a one-bedroom flat") or a time counted from now ("last
 * year"). A near-miss often keeps the report's people and things and changes only this, and the sentence that then
 * ranks first gives the fact for another year, game or flat ("The average rent for a two-bedroom flat is £1,840").
 * "This week" or "this year" is left out: it is the report's own time, which its sentences need not repeat.
 */
const NUMBER_WORDS = `${SMALL_NUMBER_WORDS}|\\d+`;
// "two-thirds" and "three-quarters" are shares, not a kind of thing.
const FRACTIONS = /^(halfs?|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)$/i;
// "third" and "3rd" are one ordinal.
const ORDINAL_PATTERNS = ORDINALS.map(([word, digits]) => new RegExp(`\\b(?:${word}|${digits})\\b`, "i"));

/** Each qualifier of the question as a pattern a sentence that keeps it matches. */
export function qualifiersOf(question: string): RegExp[] {
  const out: RegExp[] = [];
  for (const [year] of question.matchAll(new RegExp(YEAR, "g"))) out.push(new RegExp(`\\b${year}\\b`));
  out.push(...ORDINAL_PATTERNS.filter((ordinal) => ordinal.test(question)));
  // "one-bedroom" is also written "one bedroom", and "the 24-hour strike" "a strike of 24 hours".
  for (const [, n, noun] of question.matchAll(new RegExp(`\\b(${NUMBER_WORDS})-(\\p{L}+)\\b`, "giu"))) {
    if (!FRACTIONS.test(noun!)) out.push(new RegExp(`\\b${n}[- ]${noun}s?\\b`, "iu"));
  }
  for (const [, which, period] of question.matchAll(/\b(last|next) (year|week|month|season|summer|winter|spring|autumn|weekend)\b/gi)) {
    out.push(new RegExp(`\\b${which} ${period}\\b`, "i"));
  }
  return out;
}

/** Some qualifier of the question is in none of the texts (a sentence and its neighbours). */
export const missesQualifier = (qualifiers: readonly RegExp[], texts: readonly string[]): boolean => qualifiers.some((q) => !texts.some((t) => q.test(t)));
