import { ORDINALS, SMALL_NUMBER_WORDS, TENS_WORDS } from "../text/number-words.js";
import { canBeVerb, isInflectedVerb } from "../text/synonyms.js";
import { normalizeWord } from "../text/terms.js";
import { baseFormOf } from "../text/word-forms.js";
import { holdsAnswerType } from "./answer-type.js";
import type { AnalysedQuestion } from "./question-analysis.js";

// Words that end the noun phrase a question asks about: an auxiliary, a preposition or a relative word.
const ENDS_PHRASE =
  /^(is|are|was|were|be|been|did|does|do|will|would|can|could|should|may|might|has|have|had|in|of|for|at|on|after|before|by|from|to|under|over|during|since|between|among|with|as|when|this|last|now|that|who|whose|which|there|around|about|near|into|across|against|through|within)$/i;
const OPENS_PHRASE = /^(the|a|an|its|his|her|their|our|this|that|these|those|of)$/i;
// "What time…", "which year…": the kind of answer, not what it is about.
const KIND_OF_ANSWER = /^(time|year|date|day|month|hour|week|number|amount|percentage|proportion|figure|age|name|names)$/i;
// How many words from what is asked about the fact may stand and still be its: "cost 480 jobs", "The Housing Minister, Alicia Drummond".
const NEAR = 3;

/**
 * The word the asked-for fact must belong to, lowercase: "trams" in "How many trams does the network operate?",
 * "profit" in "What was Corvane's operating profit?", "coach" in "Who is Ilic's coach?"; otherwise the main verb
 * ("repaired" in "When was the depot repaired?"); undefined when the question names neither.
 */
export function askedAboutOf(question: AnalysedQuestion): string | undefined {
  const text = question.text;
  const phrase =
    /\bhow\s+(?:many|much)\s+(?:of\s+)?(.*)$/i.exec(text)?.[1] ??
    /\bhow\s+\p{L}+\s+(?:is|was|are|were)\s+(.*)$/iu.exec(text)?.[1] ??
    /^\s*(?:what|who|which)\s+(?:is|was|are|were|will be|has been|had been)\s+(.*)$/i.exec(text)?.[1] ??
    /^\s*(?:in\s+|at\s+|for\s+|from\s+|by\s+)?(?:what|which)\s+(.*)$/i.exec(text)?.[1];
  const words = (phrase ?? "").match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  let start = 0;
  while (start < words.length && OPENS_PHRASE.test(words[start]!)) start++;
  // "How much is going to repairs?", "how much did Westmarch spend?": no noun, the verb says what is asked.
  if (start < words.length && ENDS_PHRASE.test(words[start]!)) start = words.length;
  // A verb in the past ends it as well: "How many of the 18 farmers noticed a difference?".
  const end = words.findIndex((w, i) => i > start && (ENDS_PHRASE.test(w) || (/ed$/i.test(w) && isInflectedVerb(w)) || baseFormOf(w, "verb") !== undefined));
  const nounPhrase = words.slice(start, end < 0 ? undefined : end).filter((w) => /^\p{Ll}/u.test(w));
  // What is counted is plural, and comes first: "How many people work at…", "how many homes and businesses…".
  const counted = question.answerType === "count" ? nounPhrase.find(isPlural) : undefined;
  // A phrase of more than a few words is a clause, not a noun to hold on to.
  const head = counted ?? (nounPhrase.length > 0 && nounPhrase.length <= 4 ? nounPhrase.at(-1)!.replace(/['’]s$/u, "") : undefined);
  if (head === undefined || (KIND_OF_ANSWER.test(head) && nounPhrase.length === 1)) return question.predicate?.surface.toLowerCase();
  return head;
}

const isPlural = (w: string) => /[^s'’]s$/i.test(w) || w.toLowerCase() === "people" || baseFormOf(w, "noun") !== undefined;

/** Stems that stand for what the question asks about: its word, synonyms and irregular forms ("led" for "leading"). */
export function askedAboutWords(question: AnalysedQuestion): Set<string> {
  const word = askedAboutOf(question);
  if (word === undefined) return new Set();
  const term = question.terms.find((t) => t.surface.toLowerCase() === word);
  return new Set(term ? [term.stem, ...term.synonyms, ...term.forms] : [normalizeWord(word)]);
}

/**
 * The sentence holds the kind of fact asked for within a few words of what the question asks about ("The closure will
 * cost 480 jobs." for "How many jobs…?"), not only somewhere: a near-miss question usually shares its subject with a
 * sentence that gives a fact of the right kind about something else ("its members had been kept on standby for up to
 * ten hours" for "How many members does the union have?").
 */
export function factAttached(question: AnalysedQuestion, askedAbout: Set<string>, sentence: string): boolean {
  if (question.answerType === undefined || askedAbout.size === 0) return false;
  const words = sentence.split(/\s+/).filter((w) => w !== "");
  return words.some(
    (w, i) =>
      askedAbout.has(normalizeWord(bare(w))) &&
      holdsAnswerType(question.answerType, words.slice(Math.max(0, i - NEAR), i + NEAR + 1).join(" "), question.askedWords, question.askedThing),
  );
}

// "Seven of them": a count of what the sentence has just named.
const COUNT_OF_THEM = new RegExp(String.raw`\b(?:\d[\d,]*|${SMALL_NUMBER_WORDS}|${TENS_WORDS})\s+of\s+(?:them|those|these)\b`, "i");
const ORDINAL_WORDS = ORDINALS.flatMap(([word, digits]) => [word, digits]).join("|");
// "How many times…" is answered "on at least 31 occasions" or "for a record ninth time".
const OCCASIONS = new RegExp(String.raw`\b(?:${ORDINAL_WORDS}|\d+(?:st|nd|rd|th))\s+(?:straight\s+|successive\s+|consecutive\s+)?times?\b|\boccasions?\b`, "i");

// "The number of flights" counts flights, whatever was asked: only "the number" on its own restates a count.
const TALLY = /\b(?:death|casualty)\s+tolls?\b|\btolls?\s+of\s+(?:the\s+)?dead\b|\b(?:the|a)\s+(?:total|tally|number)\b(?!\s+of\b)/i;

/**
 * A "how many" question whose sentence counts something else, and only that: "How many razorbills has the centre
 * taken in?" against "it had taken in 146 oiled seabirds, most of them guillemots and razorbills"; "How many members
 * does the union have?" against "its members had been kept on standby for up to ten hours". Such a sentence never
 * answers, however close: a near-miss is usually a sentence with the right kind of fact about the wrong thing. The
 * count still belongs to what is asked when it counts "seven of them", counts times as occasions, is a toll or a total,
 * or, with the counted thing left unsaid, stands in one clause with the question's verb ("231,000 were sold") or beside
 * a word one relation from the counted thing ("two navy vessels" for "how many ships"); and no count is ruled out for
 * "how many of them", whose counted thing the question does not say.
 */
export function countsSomethingElse(question: AnalysedQuestion, askedAbout: Set<string>, sentence: string): boolean {
  if (question.answerType !== "count" || askedAbout.size === 0) return false;
  // "How many of them survived?": what "them" stands for is not in the question, so no count can be shown to be of
  // something else ("Four of the crew survived." answers it).
  if ([...askedAbout].some((s) => STANDS_FOR_OTHERS.has(s))) return false;
  if (!holdsAnswerType("count", sentence, question.askedWords) || factAttached(question, askedAbout, sentence)) return false;
  if (askedAbout.has("time") && OCCASIONS.test(sentence)) return false;
  // A toll or a total counts what was named without naming it again: "The death toll rose to 14." answers "How many
  // people died?", "… and the council put the number at 1,200." "How many homes were damaged?".
  if (TALLY.test(sentence)) return false;
  // Named as what is counted ("razorbills"), not as a modifier ("toy shops" for "how many toys…").
  const named = sentence.split(/\s+/).map(bare).some((w) => isPlural(w) && askedAbout.has(normalizeWord(w)));
  if (named) return !COUNT_OF_THEM.test(sentence);
  const at = question.terms.findIndex((t) => askedAbout.has(t.stem));
  const counted = question.terms[at];
  // "How many people died in the fire?" has no auxiliary for predicateOf to find its verb after: it follows the counted
  // thing. WordNet's lemmas miss a short past ("died"), so a word in "-ed" is taken as one.
  const verb = question.predicate ?? question.terms.slice(at + 1).find((t) => /^\p{Ll}/u.test(t.surface) && (/ed$/i.test(t.surface) || canBeVerb(t.surface)));
  const verbStems = new Set(verb ? [verb.stem, ...verb.synonyms, ...verb.forms] : []);
  // A count in the clause that holds the question's verb is what the verb is about, however many words stand between
  // them: "Seven residents of the block died in the fire."
  if (clauses(sentence).some((c) => holdsAnswerType("count", c, question.askedWords) && c.split(/\s+/).some((w) => verbStems.has(normalizeWord(bare(w)))))) return false;
  const beside = new Set([...(counted?.related ?? []), ...verbStems]);
  return !factAttached(question, beside, sentence);
}

/** A sentence's clauses as its punctuation marks them off; a comma inside a number ("5,000") marks off nothing. */
const clauses = (sentence: string) => sentence.split(/,(?!\d)|[;:()\u2013\u2014]|\s-\s/);

// Words that count what another sentence named, as askedAboutOf may give them for "how many of them".
const STANDS_FOR_OTHERS = new Set(["them", "those", "these", "they", "us", "you"]);

/** A word without the punctuation around it. */
const bare = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
