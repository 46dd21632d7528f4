import { withoutNonQuantities } from "../text/non-quantities.js";
import { countedPhrase } from "./name-phrases.js";

// "How many people attended?", "How much did the council release?": a question whose answer is a figure.
const ASKS_FOR_FIGURE = /^\s*(?:(?:and|but|so)\s+)?(?:by\s+|for\s+)?how\s+(?:many|much|long|old|big|large|far|high|deep|fast|heavy|tall|wide|often)\b/i;

const SCALE = String.raw`million|billion|trillion|bn|thousand|per\s?cent|percent`;
const UNIT = String.raw`days?|weeks?|months?|years?|hours?|minutes?|seconds?|miles?|km|kilometres?|kilometers?|metres?|meters?|feet|foot|tonnes?|tons?|barrels?|acres?|hectares?`;
const NUMBER_WORDS = String.raw`one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred`;
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
