import { extractTerms } from "../text/terms.js";

/**
 * The kind of fact a question asks for, when its wording says so. "How many" wants a count, "how much" an amount,
 * "how long" a duration, "when" a date or time, "who" a person, "where" a place. A time is not a count and a year
 * is not an amount, so each kind has its own test.
 */
export type AnswerType = "count" | "amount" | "duration" | "time" | "person" | "place" | "placeName" | undefined;

export function answerTypeOf(question: string): AnswerType {
  const q = question.toLowerCase();
  if (/\bhow many\b|\b(what|which|the) number of\b/.test(q)) return "count";
  if (/\bhow (much|far|old|big|large|high|low|small|fast|deep|tall)\b|\bwhat (percentage|proportion|share|amount|sum|price|cost|fee|figure|rate|total|value)\b/.test(q)) return "amount";
  if (/\bhow long\b(?!\s+ago)|\bfor how many (days|weeks|months|years|hours)\b/.test(q)) return "duration";
  if (/\bwhen\b|\bhow long ago\b|\b(what|which) (year|date|day|month|time|hour|week)\b|\bwhat time\b/.test(q)) return "time";
  if (/\b(which|what) (city|cities|country|countries|place|town|village|region|province|venue|location|state|district|county|stadium|port|court)\b/.test(q)) return "placeName";
  if (/^\s*where\b|\bwhere (is|was|are|were|did|do|does|will|would)\b/.test(q)) return "place";
  if (/^\s*(who|whom|whose)\b|\b(who|whom|whose)\s+(is|was|are|were|did|has|had|will|would|could|should|can)\b/.test(q)) return "person";
  return undefined;
}

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const CLOCK = String.raw`\b\d{1,2}([:.]\d\d)?\s?([ap]\.?m\b\.?|o'clock|hours?\b|gmt|utc)|\b\d{1,2}:\d\d\b|\bnoon\b|\bmidnight\b`;
const YEAR = String.raw`\b(1[89]|20)\d\d\b`;
const DATE = String.raw`\b(\d{1,2}(st|nd|rd|th)?\s+(${MONTHS})|(${MONTHS})\s+\d{1,2}(st|nd|rd|th)?)\b`;
const TIME_WORDS = new RegExp(
  String.raw`\b(${MONTHS}|${DAYS}|yesterday|today|tomorrow|tonight|overnight|earlier|ago|morning|afternoon|evening|night|dawn|dusk|weekend|spring|summer|autumn|fall|winter|decade|century|season|week|month|year|quarter)s?\b|${YEAR}|${CLOCK}`,
  "i",
);
// Dates, years and clock times hold digits without being counts or amounts.
const NOT_A_QUANTITY = new RegExp(`${DATE}|${CLOCK}|${YEAR}|\\b(${DAYS})\\b`, "gi");
const CARDINALS =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|several|half|a third|a quarter|both|single|pair|couple)\b/i;
const UNITS = "seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|sessions?|rounds?";
const DURATION = new RegExp(
  String.raw`\b(\d+(\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|few|many|hundreds of|dozens of)[\s-]+(full\s+|more\s+)?(${UNITS})\b|\bovernight\b|\ball (day|night|week)\b|\b(until|till|through|from)\b`,
  "i",
);
const PLACE = /\b(in|at|near|inside|outside|across|from|to|into|outside of|north of|south of|east of|west of)\s+(the\s+)?\p{Lu}/u;
const PERSON_ROLES =
  /\b(officials?|minister|ministers|spokes(wo)?man|spokesperson|president|chief|director|mayor|judge|judges|captain|coach|manager|chair(wo)?man|chair|leader|leaders|executive|secretary|governor|ambassador|envoy|mediators?|negotiators?|delegation|delegates|police|officers?|residents?|witness(es)?|researchers?|scientists?|doctors?|council|committee|court|board|union|government|authorities|ministry|agency)\b/i;

/** A capitalised word the question itself did not use, past the text's first word: someone or somewhere new. */
const namesSomethingNew = (text: string, askedWords: Set<string>) =>
  extractTerms(text).some((t) => t.salient && !/\p{N}/u.test(t.surface) && !askedWords.has(t.surface.toLowerCase()));

const hasQuantity = (sentence: string) => {
  const rest = sentence.replace(NOT_A_QUANTITY, " ");
  return /\d/.test(rest) || CARDINALS.test(rest);
};

/** Whether a text holds the kind of fact asked for. `askedWords`: the question's words, which a "who" answer must go beyond. */
export function holdsAnswerType(type: AnswerType, text: string, askedWords: Set<string>): boolean {
  switch (type) {
    case undefined:
      return true;
    case "count":
    case "amount":
      return hasQuantity(text);
    case "duration":
      return DURATION.test(text);
    case "time":
      return TIME_WORDS.test(text);
    case "place":
      return PLACE.test(text);
    case "placeName":
      // "Which countries…" is answered by "Turkish and Qatari officials" as well as by "in Istanbul".
      return PLACE.test(text) || namesSomethingNew(text, askedWords);
    case "person":
      return namesSomethingNew(text, askedWords) || PERSON_ROLES.test(text);
  }
}
