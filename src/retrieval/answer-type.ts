import { isDictionaryWord } from "../text/synonyms.js";
import { CLOCK, DAYS, MONTHS, withoutNonQuantities, YEAR } from "../text/non-quantities.js";
import { SMALL_NUMBER_WORDS, TENS_WORDS } from "../text/number-words.js";
import { extractTerms, stems } from "../text/terms.js";

/**
 * The kind of fact a question asks for, when its wording says so. "How many" wants a count, "how much" an amount
 * (of money, when the question is about a cost or a payment), "how old" an age, "how long" a duration or a length,
 * "when" a date or time, "who" a person, "where" a place, "which" + a noun something named. A time is not a count,
 * a year is not an amount and a sum of money is not a head count, so each kind has its own test: a near-miss question
 * ("What will the new ships cost?") is usually answered, wrongly, by a sentence about its subject without that fact.
 */
export type AnswerType = "count" | "amount" | "figure" | "money" | "age" | "duration" | "time" | "clock" | "person" | "place" | "placeName" | "name" | undefined;

// What a question about money says it is about; "how much higher" or "how much of its fuel" are plain amounts.
const MONEY_WORDS = String.raw`cost|costs|costing|costed|price|priced|pay|pays|paid|paying|spend|spends|spent|spending|worth|fee|fees|fare|fares|charge|charged|earn|earned|earns|salary|wage|fine|fined|budget`;
const ASKS_FOR_MONEY = new RegExp(
  String.raw`\bhow much\b.*\b(${MONEY_WORDS})\b|\bwhat (price|cost|fee|fare|sum|salary|fine)\b|\bwhat (will|would|did|does|do) .*\b(cost|pay|spend|earn|charge)\??\s*$`,
);

// Nouns that name a measured quantity: "what was the turnout?" asks for the figure, as "how much" does.
const MEASURES = new Set(
  (
    "score scoreline result tally vote turnout attendance profit profits loss losses revenue revenues sales turnover earnings " +
    "income budget cost costs price prices fee fare subsidy rate population total margin majority deficit surplus debt " +
    "salary wage fine toll temperature capacity output demand growth inflation unemployment share percentage proportion " +
    "value valuation dividend spending investment funding bill damages compensation height depth length distance speed " +
    "weight size level figure"
  ).split(" "),
);
// "What was Corvane's operating profit in the third quarter?": the noun phrase after "what was", up to a preposition.
const WHAT_IS_PHRASE = /^\s*what\s+(?:is|was|are|were|will be|would be|has been|had been)\s+([\p{L}\p{N}'’-]+(?:\s+[\p{L}\p{N}'’-]+)*?)(?=\s+(?:in|of|for|at|on|after|before|by|from|to|under|over|during|since|between|among|with|as|when|this|last|now)\b|\s*[?.!]|\s*$)/iu;

// "What operating profit does Corvane now expect?": the noun phrase between "what" and the auxiliary.
const WHAT_X_DOES = /^\s*what\s+([\p{L}\p{N}'’-]+(?:\s+[\p{L}\p{N}'’-]+){0,2}?)\s+(?:does|do|did|will|would|is|was|are|were|has|have|had|can|could)\b/iu;

/** The head noun of "what was the X (in …)?" or "what X does …?" names a measure: the answer is a figure. */
function asksForMeasure(question: string): boolean {
  const phrase = WHAT_IS_PHRASE.exec(question)?.[1] ?? WHAT_X_DOES.exec(question)?.[1];
  const head = phrase?.trim().split(/\s+/).at(-1)?.toLowerCase();
  return head !== undefined && MEASURES.has(head);
}

// "What are the names of the antibodies…?" (not "in the name of public safety").
const ASKS_FOR_NAMES = /\b(?:[Ww]hat|[Ww]hich)\s+(?:is|are|was|were)\s+(?:the\s+)?names?\s+of\b/u;

// "Which way…", "which kind…" or "which of them…" may answer with words, and so do things described rather than
// named: "Which of the proposals was dropped?" is answered by "the plan to close the library", not by a name.
const ANSWERED_IN_WORDS = String.raw`ones?|way|ways|parts?|sides?|kinds?|types?|sorts?|proposals?|options?|plans?|measures?|changes?|reasons?|recommendations?|demands?|conditions?|issues?|problems?|claims?|ideas?|polic(?:y|ies)|rules?|steps?|findings?|charges?|allegations?|questions?|concerns?|risks?|factors?|methods?|promises?|mistakes?`;
const WHICH_NAMED = new RegExp(String.raw`^\s*(in |at |for |from |to |with |by )?which (?!(of|${ANSWERED_IN_WORDS})\b)\p{L}+`, "u");
const WHICH_OF_NAMED = new RegExp(String.raw`^\s*which of (the|its|their|his|her) (\d+ |(${SMALL_NUMBER_WORDS}) )?(?!(${ANSWERED_IN_WORDS})\b)\p{Ll}+`, "u");

export function answerTypeOf(question: string): AnswerType {
  const q = question.toLowerCase();
  if (/\bhow many\b|\b(what|which|the) number of\b/.test(q)) return "count";
  if (/\bhow old\b|\bwhat age\b|\bat what age\b/.test(q)) return "age";
  if (ASKS_FOR_MONEY.test(q)) return "money";
  if (/\bhow (much|far|big|large|high|low|small|fast|deep|tall|wide)\b|\bwhat (percentage|proportion|share|amount|figure|rate|total|value)\b/.test(q)) return "amount";
  if (asksForMeasure(question)) return "figure";
  if (/\bhow long\b(?!\s+ago)|\bfor how many (days|weeks|months|years|hours)\b/.test(q)) return "duration";
  // "What time did the collapse happen?" wants the hour, which "early on Thursday" does not give.
  if (/\b(what|which|at what) (time|hour)\b(?! (of|frame|scale|limit|zone|period|span)\b)/.test(q)) return "clock";
  if (/\bwhen\b|\bhow long ago\b|\b(what|which) (year|date|day|month|time|hour|week)\b|\bwhat time\b/.test(q)) return "time";
  if (/\b(which|what) (city|cities|country|countries|place|town|village|region|province|venue|location|state|district|county|stadium|port|court)\b/.test(q)) return "placeName";
  if (/^\s*where\b|\bwhere (is|was|are|were|did|do|does|will|would)\b/.test(q)) return "place";
  if (/^\s*(who|whom|whose)\b|\b(who|whom|whose)\s+(is|was|are|were|did|has|had|will|would|could|should|can)\b/.test(q)) return "person";
  if (ASKS_FOR_NAMES.test(q)) return "name";
  // "Which variety…", "which company…", "which two wards…", "which of the four dissenters…": the answer names it.
  if (WHICH_NAMED.test(q) || WHICH_OF_NAMED.test(q)) return "name";
  return undefined;
}

// Words between "which" and the noun it asks about: "which nine countries", "which other firms", "which of the four dissenters".
const BEFORE_THE_NOUN = new RegExp(
  String.raw`^(\d[\d,.]*|of|the|its|their|his|her|${SMALL_NUMBER_WORDS}|${TENS_WORDS}|hundred|several|many|few|other|main|biggest|largest|first|last)$`,
  "i",
);
const AFTER_NAMES_OF = new RegExp(String.raw`${ASKS_FOR_NAMES.source}\s+(?:the|its|their|his|her|those|these)?\s*((?:\p{Ll}[\p{L}'’-]*\s*)+)`, "u");
const ENDS_NOUN_PHRASE = /^(already|now|still|on|in|at|for|by|from|with|of|to|that|which|who|whose|is|are|was|were|do|does|did|has|have|had|will|would|can|could)$/i;

/**
 * The things a "which …?" or "what are the names of …?" question wants named, lowercase: "supermarkets" in "Which
 * supermarkets sold it?", "countries" in "In which nine countries…?", "antibodies" in "the names of the injected
 * antibodies on the market".
 */
export function askedThingOf(question: string): string | undefined {
  const namesOf = AFTER_NAMES_OF.exec(question)?.[1]?.trim().split(/\s+/);
  if (namesOf) {
    const end = namesOf.findIndex((w) => ENDS_NOUN_PHRASE.test(w));
    return (end < 0 ? namesOf : namesOf.slice(0, end)).at(-1)?.toLowerCase();
  }
  const after = /\b(?:which|what)\s+(.*)$/iu.exec(question)?.[1]?.match(/[\p{L}\p{N}'’,.-]+/gu) ?? [];
  return after.find((w, i) => i < 4 && /^\p{Ll}/u.test(w) && !BEFORE_THE_NOUN.test(w))?.toLowerCase();
}

// How far from a mention of the asked things a name may stand and still be theirs: "three companies, Acme, Beta and Gamma".
const NAMING_WINDOW = 3;
// "The two countries", "both sides", "their clinics": things named elsewhere, not a claim that some exist.
const POINTS_BACK = /^(the|both|these|those|their|its|his|her|our|each|such)$/i;

/** "supermarkets across the north, including Freshway and Corlett's", "three continents: Norway, Chile and Kenya". */
function namedFurtherOn(rest: string, askedWords: Set<string>): boolean {
  const clause = rest.split(/[;.!?](?:\s|$)/)[0] ?? "";
  const listed = /(?:\b(?:including|such as|like|namely|among them)\b|:|—)\s*(.*)$/iu.exec(clause)?.[1];
  return listed !== undefined && namesSomethingNew(`and ${listed}`, askedWords, false);
}

/**
 * The text says that some of the asked things exist without naming them ("sold at toy shops, supermarkets and
 * online", "run at 88 clinics in nine countries"): it does not say which. A mention that is part of a name ("St.
 * Brendan's Hospital") or has one beside it names them; "the two countries" points back to ones named elsewhere and
 * says nothing either way.
 */
function mentionsThemUnnamed(text: string, thing: string, askedWords: Set<string>): boolean {
  const [stem] = stems(thing);
  if (stem === undefined) return false;
  const words = text.split(/\s+/);
  const bare = (w: string | undefined) => (w ?? "").replace(/^\W+|\W+$/gu, "");
  let unnamed = false;
  for (let i = 0; i < words.length; i++) {
    if (stems(words[i]!)[0] !== stem) continue;
    // Led by a lowercase word, so that a name opening the window reads as a name, not as a sentence's first word.
    const near = ["and", ...words.slice(Math.max(0, i - NAMING_WINDOW), i + NAMING_WINDOW + 1)].join(" ");
    if (/^\p{Lu}/u.test(bare(words[i])) || namesSomethingNew(near, askedWords, false) || namedFurtherOn(words.slice(i + 1).join(" "), askedWords)) return false;
    if (!POINTS_BACK.test(bare(words[i - 1])) && !POINTS_BACK.test(bare(words[i - 2]))) unnamed = true;
  }
  return unnamed;
}

// A week, month or year is a time only when the text says which ("last week", "within a month", "a year later", "the
// end of the year"): "the week between discovery and notice" does not say when anything was found, nor do "two
// weeks of talks" or "a quarter of the staff".
const PERIOD = "week|weekend|month|year|quarter|decade|century|season";
const HOW_MANY_PERIODS = String.raw`(?:a|an|${SMALL_NUMBER_WORDS}|\d+)\s+`;
const WHICH_PERIOD = String.raw`\b(?:(?:last|this|next|that|same|previous|following|coming|past|early|late|mid|first|final)[\s-]+|(?:within|in)\s+${HOW_MANY_PERIODS}|(?:end|start|beginning|middle|turn|rest)[\s-]of[\s-](?:the[\s-])?)(?:${PERIOD})s?\b|\b(?:${PERIOD})s?\s+(?:later|earlier|ago|after|before|since)\b`;
const TIME_WORDS = new RegExp(
  String.raw`\b(${MONTHS}|${DAYS}|yesterday|today|tomorrow|tonight|overnight|earlier|ago|morning|afternoon|evening|night|dawn|dusk|spring|summer|autumn|fall|winter)s?\b|${WHICH_PERIOD}|${YEAR}|${CLOCK}`,
  "i",
);
// A time of day as copy gives it: "9:40 p.m.", "at 6 a.m.", "noon", "1400 GMT"; not "31 hours", which CLOCK allows.
// British copy writes the hour without "a.m." where the day or the preposition says it: "at 10.30 on Thursday",
// "shortly after 10 on Friday night", "half past nine", "in the early hours".
const CLOCK_TIME =
  /\b\d{1,2}([:.]\d\d)?\s?[ap]\.?m\b|\b\d{1,2}:\d\d\b|\bo'clock\b|\b(noon|midday|midnight|dawn|dusk|sunrise|sunset|lunchtime|early hours)\b|\b\d{4}\s?(gmt|utc|bst|hours|hrs)\b|\b(at|after|before|until|till|around|about) \d{1,2}\.\d\d\b(?!\s?(%|per\b))|\b(shortly|just|soon) (after|before) \d{1,2}(?=[,;]|\.?$|\s+(on|in|that|this|last|tonight|local)\b)|\b(half|quarter) (past|to)\b/i;
const CARDINALS = new RegExp(
  String.raw`\b(${SMALL_NUMBER_WORDS}|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|${TENS_WORDS}|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|several|half|a third|a quarter|both|single|pair|couple)\b`,
  "i",
);
// A sum of money: a currency sign or word next to a number.
const MONEY = /[$£€¥₹]\s?\d|\b\d[\d,.]*\s?(k|m|bn|million|billion|thousand)?\s?(dollars?|pounds?|euros?|cents?|pence|yen|rupees?|francs?|kronor|kroner|krona|usd|gbp|eur)\b/i;
const AGE = /\b\d{1,3}[- ]years?[- ]old\b|\baged\s+\d{1,3}\b|\bage of \d{1,3}\b|\p{Lu}\p{L}+,\s\d{1,3},|\b(teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b|\b\d{1,3}(st|nd|rd|th) birthday\b/u;
// "How long is the pipeline?" asks for a length, as "how long did it last?" asks for a duration.
// Not a sum of money ("£10m").
const LENGTH = /(?<![$£€¥₹\d.,])\d[\d,.]*[\s-]?(miles?|mi|kilometres?|kilometers?|km|metres?|meters?|m|feet|foot|ft|yards?|inches?|cm)\b/i;
const UNITS = "seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|sessions?|rounds?";
// "until March", "from Monday", "through 2027", "until the end of the year": a span's end or start, which tells how
// long; "from the undamaged tanks" does not. The time is a whole word: "from the mayor" is not "from May", nor "from
// the latest figures" "from late 2019"; and "this", "next" or "last" bounds a span only with the time it names ("from
// this week", not "from this tank"). "Until" has no other sense: "until at least Saturday", "until further notice" and
// "until the cause is found" say how long as well.
const BOUND_TIME = String.raw`(?:${MONTHS}|${DAYS}|dawn|dusk|morning|afternoon|evening|night|noon|midday|midnight|spring|summer|autumn|fall|winter|week|weekend|month|year|season)s?\b`;
const SPAN_BOUND = String.raw`\buntil\b|\b(?:till|through|from)\s+(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+)?(?:the\s+)?(?:\d|mid-?(?:\d|${BOUND_TIME})|(?:next|last|this)\s+${BOUND_TIME}|(?:early|late|then|now|today|tonight|tomorrow)\b|${BOUND_TIME})`;
const DURATION = new RegExp(
  String.raw`\b(\d+(\.\d+)?|a|an|${SMALL_NUMBER_WORDS}|fifteen|${TENS_WORDS}|several|few|many|hundreds of|dozens of)[\s-]+(full\s+|more\s+)?(${UNITS})\b|\bovernight\b|\ball (day|night|week)\b|${SPAN_BOUND}`,
  "i",
);
const PLACE = /\b(?:in|at|near|inside|outside|across|from|to|into|outside of|north of|south of|east of|west of)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]*)(?:\s+(\p{Lu}[\p{L}'’-]*))?/gu;
const POSSESSIVE = /['’]s$/u;
const NOT_A_PLACE = new RegExp(`^(${MONTHS}|${DAYS})$`, "i");
/**
 * The places a match of PLACE names, lowercase: "in Portugal's Algarve" names the Algarve too, but "to Portugal's
 * Prime Minister" no place beyond Portugal, so a word after a possessive counts only when it is no English word.
 */
function placesNamed([, first, next]: RegExpMatchArray): string[] {
  const places = [first!.replace(POSSESSIVE, "")];
  if (next !== undefined && POSSESSIVE.test(first!) && !isDictionaryWord(next)) places.push(next.replace(POSSESSIVE, ""));
  return places.map((p) => p.toLowerCase()).filter((p) => !NOT_A_PLACE.test(p));
}
/**
 * A place the question did not name: "Where in Portugal was the house?" is not answered by "a house in Portugal"
 * (nor "in Portugal in March"), but is by "near Faro". The question's "Portugal's" names Portugal as well.
 */
const namesNewPlace = (text: string, askedWords: Set<string>) =>
  [...text.matchAll(PLACE)].some((m) => placesNamed(m).some((p) => !askedWords.has(p) && !askedWords.has(`${p}'s`) && !askedWords.has(`${p}’s`)));
const PERSON_ROLES =
  /\b(officials?|minister|ministers|spokes(wo)?man|spokesperson|president|chief|director|mayor|judge|judges|captain|coach|manager|chair(wo)?man|chair|leader|leaders|executive|secretary|governor|ambassador|envoy|mediators?|negotiators?|delegation|delegates|police|officers?|residents?|witness(es)?|researchers?|scientists?|doctors?|council|committee|court|board|union|government|authorities|ministry|agency)\b/i;

/**
 * A capitalised word the question itself did not use: someone or somewhere new. Past the text's first word any
 * capitalised word counts; the first word counts when it is no English word ("Vellucci said") or someone is
 * described after it ("Bell, who …").
 */
const namesSomethingNew = (text: string, askedWords: Set<string>, fromSentenceStart = true) =>
  extractTerms(text).some((t) => t.salient && !/\p{N}/u.test(t.surface) && !askedWords.has(t.surface.toLowerCase())) || (fromSentenceStart && opensWithName(text, askedWords));

// A mark inside a word is an apostrophe ("the mayor's plan", "can't"), not a quotation's start or end.
const QUOTATION = /(?<![\p{L}\p{N}])(?:"([^"]{2,60})"|“([^”]{2,60})”|['‘]((?:[^'’]|(?<=\p{L})['’](?=\p{L})){2,60})['’](?!\p{L}))/gu;
/**
 * A short quotation, a title ("Which slogan…?" answered "'Build it here'"), unless it is mostly the question's own
 * words: "'Cutting now risks having to reverse course,' one of the four argued" does not say which of them did.
 */
function quotesNewWords(text: string, askedWords: Set<string>): boolean {
  return [...text.matchAll(QUOTATION)].some((m) => {
    const quoted = m[1] ?? m[2] ?? m[3];
    const words = extractTerms(quoted!).map((t) => t.surface.toLowerCase());
    return words.filter((w) => !askedWords.has(w)).length * 2 > words.length;
  });
}

const FIRST_WORD = /^\W*(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(,\s+(who|whose)\b)?/u;
// Words that open sentences and that WordNet, a dictionary of content words, does not list: not names.
const FUNCTION_WORDS = new Set(
  "amid amidst among amongst upon towards toward via although though unless whilst whereas whoever whatever whichever wherever whenever onto unto".split(" "),
);
function opensWithName(text: string, askedWords: Set<string>): boolean {
  const m = FIRST_WORD.exec(text);
  const word = m?.[1]!.toLowerCase();
  if (!m || !word || askedWords.has(word) || FUNCTION_WORDS.has(word)) return false;
  return m[2] !== undefined || (extractTerms(m[1]!).length > 0 && !isDictionaryWord(m[1]!));
}

const hasQuantity = (sentence: string) => {
  const rest = withoutNonQuantities(sentence);
  return /\d/.test(rest) || CARDINALS.test(rest);
};

// A count of things: a quantity once sums of money and shares ("£8.3 million", "14 per cent", "one in five teachers",
// "three out of ten") are set aside, and "one of the pilot schools", which counts none of them. A share's second
// number is small, never a year: "killed five in 2024" counts.
const SMALL_NUMBER = String.raw`(?:\d[\d,.]*|${SMALL_NUMBER_WORDS}|${TENS_WORDS})`;
const MONEY_OR_SHARE = new RegExp(
  String.raw`[$£€¥₹]\s?\d[\d,.]*\s?(k|m|bn|million|billion|thousand)?|\b\d[\d,.]*\s?(%|per\s?cent|percent)|${MONEY.source}|\b${SMALL_NUMBER}\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d{1,3}(?![\d,.])|${SMALL_NUMBER_WORDS}|${TENS_WORDS})\b|\bone\s+of\s+(?:the|its|their|his|her|our|these|those)\b`,
  "gi",
);
const hasCount = (sentence: string) => hasQuantity(sentence.replace(MONEY_OR_SHARE, " "));
// A measured figure is written in digits in news text ("47.6 per cent", "£42.7 million", "3-1"); "a third" or
// "four consecutive finals" describe, they do not measure.
const hasFigure = (sentence: string) => /\d/.test(withoutNonQuantities(sentence));

/**
 * The text without the numbers the question itself states: "How many of the 18 farmers noticed a difference?" is
 * not answered by "among the 18 in the trial", nor "how many of the nine deaths" by "nine deaths".
 */
const withoutAskedNumbers = (text: string, askedWords: Set<string>) =>
  // Words as the question's terms are read ("7.5" one word, "1,140" two), so that the two compare.
  text.replace(/[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu, (w) => ((/\p{N}/u.test(w) || CARDINALS.test(w)) && askedWords.has(w.toLowerCase()) ? " " : w));

/**
 * Whether a text holds the kind of fact asked for. `askedWords`: the question's words, which a "who" answer must go
 * beyond; `askedThing`: what a "which …?" question wants named.
 */
export function holdsAnswerType(type: AnswerType, given: string, askedWords: Set<string>, askedThing?: string): boolean {
  const text = type === "count" || type === "amount" || type === "figure" || type === "money" ? withoutAskedNumbers(given, askedWords) : given;
  switch (type) {
    case undefined:
      return true;
    case "count":
      return hasCount(text);
    case "amount":
      return hasQuantity(text);
    case "figure":
      return hasFigure(text);
    case "money":
      return MONEY.test(text);
    case "age":
      return AGE.test(text);
    case "duration":
      return DURATION.test(text) || LENGTH.test(text);
    case "time":
      return TIME_WORDS.test(text);
    case "clock":
      return CLOCK_TIME.test(text);
    case "place":
      return namesNewPlace(text, askedWords);
    case "placeName":
      if (askedThing !== undefined && mentionsThemUnnamed(text, askedThing, askedWords)) return false;
      // "Which countries…" is answered by "Turkish and Qatari officials" as well as by "in Istanbul".
      return namesNewPlace(text, askedWords) || namesSomethingNew(text, askedWords);
    case "person":
      return namesSomethingNew(text, askedWords) || PERSON_ROLES.test(text);
    case "name":
      if (askedThing !== undefined && mentionsThemUnnamed(text, askedThing, askedWords)) return false;
      return namesSomethingNew(text, askedWords) || quotesNewWords(text, askedWords);
  }
}
