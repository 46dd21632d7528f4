import { MONTH_NAMES, withoutNonQuantities } from "../text/non-quantities.js";
import { SMALL_NUMBER_WORDS, TENS_WORDS } from "../text/number-words.js";
import { extractTerms, normalizeWord } from "../text/terms.js";
import { countedPhrase } from "./name-phrases.js";

// The words after "how" that ask for a figure.
const HOW_WORDS = "many|much|long|old|big|large|far|high|deep|fast|heavy|tall|wide|often";
// "How many people attended?", "How much did the council release?": a question whose answer is a figure.
const ASKS_FOR_FIGURE = new RegExp(String.raw`^\s*(?:(?:and|but|so)\s+)?(?:by\s+|for\s+)?how\s+(?:${HOW_WORDS})\b`, "i");

const SCALE = String.raw`million|billion|trillion|bn|thousand|per\s?cent|percent`;
const UNIT = String.raw`days?|weeks?|months?|years?|hours?|minutes?|seconds?|miles?|km|kilometres?|kilometers?|metres?|meters?|feet|foot|tonnes?|tons?|barrels?|acres?|hectares?`;
const NUMBER_WORDS = String.raw`${SMALL_NUMBER_WORDS}|fifteen|${TENS_WORDS}|hundred`;
// A sum, a count, a share or a measure as news text writes it: "$1.5 million", "78,406", "14 per cent", "four days".
const FIGURE = new RegExp(
  String.raw`(?:[$£€¥]\s?)?\d(?:[\d,.]*\d)?(?:\s?(?:${SCALE})\b|%|(?![\p{L}\p{N}]))(?:[\s-](?:${UNIT})\b)?|\b(?:${NUMBER_WORDS})[\s-](?:${UNIT})\b`,
  "giu",
);
const MEASURES_A_PHRASE = /^\s*how\s+\w+\s+(?:is|was|are|were)\s+[^?]+\??\s*$/i;

/**
 * What "that" stands for after a question that asked for a figure: the figure the answer gave. "How many people
 * attended the cup final?" then "Was that a record?" asks about the 78,406 people, not about the final; "How much did
 * the council release?" then "What will that pay for?" asks about the $1.5 million. Undefined when the question asked
 * for no figure; null when it did but the answer gave none (then "that" is the figure nobody found, and no phrase of
 * the question stands for it).
 */
export function answeredFigure(question: string, cited: string | undefined): string | null | undefined {
  if (!ASKS_FOR_FIGURE.test(question)) return undefined;
  // "How big is Riverton's new budget?": what was measured is the phrase asked about, which stands in for its figure.
  if (cited === undefined && MEASURES_A_PHRASE.test(question)) return undefined;
  // Dates, clock times, ages and the numbers in names ("6 a.m.", "23-year-old", "CLEARVIEW-3") are not the figure.
  for (const match of cited === undefined ? [] : withoutNonQuantities(cited).matchAll(FIGURE)) {
    const figure = match[0];
    if (question.includes(figure)) continue;
    const counted = countedPhrase(question);
    return counted && /^[$£€¥]?\d[\d,.]*$/.test(figure) ? `the ${figure} ${counted}` : `the ${figure}`;
  }
  return null;
}

// A figure that is the whole phrase ("the four days", "the $1.5 million"), and so is a date ("the September 1"). A
// figure before a noun of its own is a thing: "the 12 members" may vote, "the £20 fee" may be announced.
const WHOLE_FIGURE = new RegExp(String.raw`^(?:the\s+)?(?:${FIGURE.source})$`, "iu");
const DATE = new RegExp(String.raw`^(?:the\s+)?(?:${MONTH_NAMES})(?:\s+\d{1,2})?(?:,?\s+\d{4})?$`, "i");

/**
 * Whether a phrase is a figure or a date rather than something a pronoun may stand for: "the four days", "the $1.5
 * million", "the 14 per cent"; not "the Kestrel 3 launch", whose number is part of a name, nor "the 12 members" or "the
 * £20 fee", things that have a figure. A reading that put the figure its answer gave in place of "that" ("What did he
 * say after the four days?") left it among the next turn's phrases, and "How did they respond?" became "How did the
 * four days respond?".
 */
export function namesAFigure(phrase: string): boolean {
  return WHOLE_FIGURE.test(withoutNonQuantities(phrase).trim()) || DATE.test(phrase.trim());
}

// The unit and the words that ask for a figure ("how long", "the number of") come with every figure of its kind.
const UNIT_WORD = new RegExp(`^(?:${UNIT}|${HOW_WORDS}|number)$`, "i");
// A count may be a number word alone: "nine vessels".
const FIGURE_OR_COUNT = new RegExp(String.raw`${FIGURE.source}|\b(?:${NUMBER_WORDS})\b`, "giu");
const WORD = /[\p{L}\p{N}]+(?:[.'’,][\p{L}\p{N}]+)*/gu;

/**
 * Whether a figure of `sentence` sits within `within` words of a word `question` asks with (a unit such as "years"
 * and the words asking for a figure do not count: they come with every figure of its kind; "for how long?" asking
 * with none has every figure). "how many vessels did she inherit?" is answered by "She inherited a fleet of nine
 * vessels"; "how many years was she chief executive?" is not by "took over as chief executive … in April 2024, after
 * eleven years running freight operations": those years belong to another clause.
 */
export function figureNearWords(sentence: string, question: string, within = 4): boolean {
  const asked = new Set(extractTerms(question).filter((t) => !t.salient && !UNIT_WORD.test(t.surface)).map((t) => t.stem));
  // "how many years?", "for how long?" ask with nothing else: any figure of that kind may be the one.
  if (asked.size === 0) return true;
  const words = [...sentence.matchAll(WORD)].map((m) => ({ at: m.index ?? 0, stem: normalizeWord(m[0]) }));
  const wordAt = (offset: number) => words.findLastIndex((w) => w.at <= offset);
  return [...withoutNonQuantities(sentence).matchAll(FIGURE_OR_COUNT)].some((m) => {
    const at = wordAt(m.index ?? 0);
    return words.some((w, i) => Math.abs(i - at) <= within && asked.has(w.stem));
  });
}
