import { DAYS, MONTH_NAMES } from "../text/non-quantities.js";
import { escapeRegExp } from "../text/escape-reg-exp.js";
import { extractTerms } from "../text/terms.js";
import { baseFormOf, isIrregularVerbForm } from "../text/word-forms.js";

/**
 * Names and noun phrases found in a question or a cited sentence: what a pronoun in the next question can stand for.
 * Pure text heuristics (capitalisation, determiners); no tagger is needed for the short texts of one conversation.
 */

export interface NamePhrase {
  text: string;
  /** Two or more capitalised words with no title or organisation word: "Omar Samad", not "Defence Minister". */
  person: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
const POSSESSIVE = /['’]s$/u;

// Capitalised words that make a run a title, an office or an organisation rather than a person's name.
const NOT_PERSON = new Set(
  (
    "minister ministry ambassador president prime secretary general deputy first chief head spokesman spokeswoman " +
    "spokesperson mayor governor senator commissioner director officer chairman chairwoman council committee " +
    "commission government parliament army police force forces court agency office department bank company union " +
    "nations states republic kingdom emirate province city county district river lake dam bridge street road " +
    "square station airport hospital school university institute centre center news times post herald press " +
    "party taliban group association authority corporation defence defense interior foreign affairs former talks " +
    "treaty accord agreement report service services board ceasefire summit conference lane avenue stadium arena park"
  ).split(" "),
);

// Months and days are capitalised without naming anyone or anywhere.
const CALENDAR = new RegExp(`^(${MONTH_NAMES}|${DAYS})$`, "i");

// Words that open sentences (or questions, or bylines) without being part of a name.
const OPENERS = new Set(
  "i the a an in on at by for from to of and but or so if as after before ahead despite according however while when where who whom whose what which why how did does do is was are were has have had will would can could should his her their its this that these those".split(" "),
);

/** Runs of capitalised words ("Mawlawi Mohammad Yaqoob Mujahid"), in order of appearance, each once. */
export function namePhrases(text: string): NamePhrase[] {
  const runs: string[][] = [];
  let run: string[] = [];
  let sentenceStart = true;
  let last = 0;
  const close = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const match of text.matchAll(WORD)) {
    const word = match[0].replace(/\.$/, "");
    const index = match.index ?? 0;
    const between = text.slice(last, index);
    last = index + match[0].length;
    if (/[.!?;:,()“”"]/.test(between) && !/^\s*$/.test(between)) close();
    const startsSentence = sentenceStart || /[.!?]\s*$/.test(between);
    sentenceStart = false;
    const capitalised = /^\p{Lu}/u.test(word);
    // A function word is no part of a name even mid-sentence: a byline's "By Halima Oduya Ilescu".
    if (!capitalised || OPENERS.has(word.toLowerCase())) {
      close();
      continue;
    }
    // A sentence's first word counts only when a name goes on after it ("Omar Samad said", not "Observers said").
    if (startsSentence) {
      const next = text.slice(last).match(/^\s+(\p{Lu})/u);
      if (!next) continue;
    }
    run.push(word.replace(POSSESSIVE, ""));
    if (POSSESSIVE.test(word)) close();
  }
  close();
  const seen = new Set<string>();
  return runs
    .map((words) => ({
      text: words.join(" "),
      // A title before a name ("Fire Chief Renata Solis", "Mayor Patricia Holloway") leaves it a person's.
      person: isPersonName(words.slice(1 + words.findLastIndex((w) => NOT_PERSON.has(w.toLowerCase())))),
    }))
    .filter((p) => !CALENDAR.test(p.text) && !seen.has(p.text) && seen.add(p.text));
}

/**
 * Whether a question names what it is about: a name, or a number or capitalised word of its own ("TTP", "2-1"). A
 * month or a day ("What happened in May?") names no report's subject: every report has a May.
 */
export function namesSomething(question: string): boolean {
  return namePhrases(question).length > 0 || extractTerms(question).some((t) => t.salient && !CALENDAR.test(t.surface));
}

/** Two or more capitalised words with no title or organisation word, nor an acronym: "Omar Samad", not "Defence Minister". */
function isPersonName(words: string[]): boolean {
  return words.length >= 2 && words.every((w) => !NOT_PERSON.has(w.toLowerCase()) && !/^(\p{Lu}\.?){2,}$/u.test(w));
}

/**
 * Noun phrases of a question that a pronoun may stand for, first one first: "the …" phrases ("the talks", "the Afghan
 * delegation") and a name's possessive with what it owns ("Kabul's limited retaliatory action"). A phrase keeps a
 * place name after it ("the talks in Istanbul"): without it "the talks" could be any report's talks. A word ending in
 * "-ing" or "-ed" ends a phrase as a verb would, unless `source` (the sentences the question was answered with) writes
 * it together with the word before it, as one name: "is the credit monitoring free?" after "credit-monitoring service".
 */
export function definitePhrases(question: string, source = ""): string[] {
  const writtenTogether = (before: string, word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(before)}[\\s-]${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, "iu").test(source);
  const phrases: string[] = [];
  const tokens = [...question.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'.,$-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)].map((m) => ({
    word: m[0],
    end: (m.index ?? 0) + m[0].length,
    // A comma or a question mark right after a word ends any phrase there.
    closes: /^\s*[,;:?!]/.test(question.slice((m.index ?? 0) + m[0].length)),
  }));
  for (let i = 0; i < tokens.length; i++) {
    const opener = tokens[i]!;
    const owner = i > 0 && POSSESSIVE.test(opener.word) && /^\p{Lu}/u.test(opener.word);
    if (!owner && (opener.word.toLowerCase() !== "the" || opener.closes)) continue;
    const words: string[] = [];
    let j = i + 1;
    let nameEnded = false;
    // A joining "and" ("the Turkish and Qatari officials") is not one of the phrase's words.
    for (; j < tokens.length && words.filter((w) => w !== "and").length < MAX_PHRASE_WORDS; j++) {
      const w = tokens[j]!;
      // A verb ends it: "the talks collapsing", "what the 2021 review recommended"; first after "the" it is an
      // adjective ("the proposed route").
      const verbForm = words.length > 0 && /^\p{Ll}+(ing|ed)$/u.test(w.word);
      // Written together, the two words are the name's end: "the credit monitoring", not "… monitoring free".
      const nameEnds = verbForm && writtenTogether(words.at(-1)!, w.word);
      if ((PHRASE_BREAKS.has(w.word.toLowerCase()) && !joinsDescribers(tokens, j, words)) || /^the$/i.test(w.word) || (verbForm && !nameEnds)) break;
      words.push(w.word);
      if (nameEnds) {
        nameEnded = true;
        j++;
        break;
      }
      if (w.closes) {
        j++;
        break;
      }
    }
    // An owner is the whole name before its "'s": "Corrin Air's", not "Air's".
    let start = i;
    while (owner && start > 1 && /^\p{Lu}/u.test(tokens[start - 1]!.word) && !OPENERS.has(tokens[start - 1]!.word.toLowerCase())) start--;
    // The subject after an auxiliary runs into its verb ("What did the Afghan delegation demand from Islamabad?",
    // "Why did Corrin Air's computer system fail?") unless a verb ended it ("Where would the alternative route have
    // crossed …?"); after a form of "be", only a past participle does: "Where was the getaway car found?". A phrase
    // that ended where the cited sentences write its last two words as one name ran into nothing: "When will the
    // public meeting come?" is about "the public meeting", and "it" read "the public".
    const before = start > 0 ? tokens[start - 1]!.word.toLowerCase() : "";
    const endedByVerb = nameEnded || (tokens[j] !== undefined && VERB_BREAKS.has(tokens[j]!.word.toLowerCase()));
    const last = words.at(-1) ?? "";
    const runsIntoVerb = AUXILIARIES.has(before) || (BE.has(before) && baseFormOf(last, "verb") !== undefined);
    if (runsIntoVerb && !endedByVerb && words.length > 1 && /^\p{Ll}/u.test(last)) words.pop();
    if (words.length === 0) continue;
    const place = tokens[j];
    const placeName = tokens[j + 1];
    const tail = place && placeName && /^(in|of|at)$/i.test(place.word) && /^\p{Lu}/u.test(placeName.word) ? ` ${place.word} ${placeName.word}` : "";
    const opening = owner ? tokens.slice(start, i + 1).map((t) => t.word).join(" ") : "the";
    phrases.push(`${opening} ${words.join(" ")}${tail}`);
    i = j - 1;
  }
  return phrases;
}

const MAX_PHRASE_WORDS = 4;

/**
 * "the Turkish and Qatari officials": an "and" between two capitalised words describing the plural noun after them
 * is inside the phrase, which is the officials, not "the Turkish" and a name "Qatari" ("What did they say?" read
 * "What did Qatari say?"). `at` is the "and"; the words before it must all be capitalised.
 */
function joinsDescribers(tokens: { word: string }[], at: number, before: string[]): boolean {
  const [and, second, noun] = [tokens[at]?.word, tokens[at + 1]?.word, tokens[at + 2]?.word];
  return and?.toLowerCase() === "and" && before.length > 0 && before.every((w) => /^\p{Lu}/u.test(w)) && /^\p{Lu}/u.test(second ?? "") && /^\p{Ll}+s$/u.test(noun ?? "") && !/(ed|ing)$/.test(noun!);
}
const AUXILIARIES = new Set("did does do will would can could should might must has have had".split(" "));
const BE = new Set("is was are were".split(" "));

// Words that end a noun phrase: verbs of questions and function words.
const VERB_BREAKS = new Set(
  "is was are were be been did does do has have had will would can could should said say says last lasted held take took happen happened begin began end ended start started mean meant".split(" "),
);
const PHRASE_BREAKS = new Set([...VERB_BREAKS, ..."of to in on at by for from with about after before during against over under between among into onto through across since until without within toward towards despite and or but that which who whom whose when where why how".split(" ")]);

/**
 * What a "how many …" question counts ("How many people were injured?" → "people"): what "them" may stand for. None
 * when a verb follows "how many": "How many got sick there?" counts people it does not name, not "the got".
 */
export function countedPhrase(question: string): string | undefined {
  const counted = /\bhow\s+many\s+([\p{L}’'-]+)/iu.exec(question)?.[1];
  return counted === undefined || PHRASE_BREAKS.has(counted.toLowerCase()) || isIrregularVerbForm(counted) ? undefined : counted;
}

// Words naming a person by office or role: a phrase ending in one ("the finance minister") is someone, never "it".
const PERSON_NOUNS = new Set(
  (
    "minister ambassador president secretary spokesman spokeswoman spokesperson mayor governor senator commissioner " +
    "director officer chairman chairwoman chair chief judge manager leader negotiator investigator chancellor premier " +
    "councillor councilor lawyer economist founder owner captain coach player striker forward midfielder goalkeeper " +
    "driver farmer resident witness doctor nurse midwife engineer executive analyst"
  ).split(" "),
);

/** A noun phrase's last word, lower case: the noun that says what kind of thing it is. */
const headWord = (phrase: string) => phrase.split(/\s+/).at(-1)!.toLowerCase();

/** Whether a noun phrase names a person by office or role ("the finance minister"): "it" does not stand for one. */
export function namesAPerson(phrase: string): boolean {
  return PERSON_NOUNS.has(headWord(phrase));
}

// Measures and properties of something, which no one does or is done to: "Who won the score?" asks nothing.
const PROPERTY_NOUNS = new Set(
  (
    "score result outcome cost price fee fare date time size length duration height depth weight total turnout " +
    "attendance margin toll value rate age population reason cause name budget salary amount share percentage " +
    "distance capacity deadline venue location"
  ).split(" "),
);

/**
 * Whether a noun phrase names a measure or property of something ("the score", "the final cost"), not a thing itself;
 * in the plural too ("the results", "the costs").
 */
export function namesAProperty(phrase: string): boolean {
  const head = headWord(phrase.replace(/[?.!]+$/, "").trim());
  return PROPERTY_NOUNS.has(head) || PROPERTY_NOUNS.has(head.replace(/s$/, ""));
}

/** Whether a noun phrase reads as plural ("the talks"): then it is what "they" stands for. */
export function isPlural(phrase: string): boolean {
  const last = headWord(phrase);
  return /[^s]s$/.test(last) || ["people", "police", "men", "women", "children", "forces"].includes(last);
}

// Bodies of people, which "they" may stand for though the noun is singular: "will they appeal?" after "What did the
// council decide?".
const COLLECTIVE_NOUNS = new Set(
  (
    "council government company committee board union team party court ministry authority army navy club firm bank " +
    "airline agency jury panel commission delegation cabinet opposition family crew staff public management " +
    "administration department regulator police alliance coalition federation association organisation " +
    "organization bloc consortium parliament senate congress"
  ).split(" "),
);
// Nouns that end a body's name ("the National Drought Group", "the Premier League") but in lower case as often name
// something else: "the placebo group" of a trial, "the paperwork group" of a deal, a network of pipes.
const BODY_NAME_ENDS = new Set("group network movement league assembly foundation trust institute".split(" "));

/**
 * Whether a singular noun phrase names a body of people by its noun, which "they" may stand for: "the council", "the
 * Civic Alliance", "the National Drought Group"; a thing's name says what it is in a noun ("the National Cup").
 */
export function isCollective(phrase: string): boolean {
  const last = phrase.split(/\s+/).at(-1)!;
  return COLLECTIVE_NOUNS.has(headWord(phrase)) || (/^\p{Lu}/u.test(last) && BODY_NAME_ENDS.has(last.toLowerCase()));
}

/**
 * Whether a phrase is a name of one word after "the", as a body's is written ("the Taliban", "the Kremlin", "the EU")
 * and as a thing's is too ("the Act", "the Titanic"): no noun says which. A month is no name.
 */
export function isNameAfterThe(phrase: string): boolean {
  return /^the\s+\p{Lu}[\p{L}\p{N}'’-]*$/u.test(phrase) && !CALENDAR.test(headWord(phrase));
}

/**
 * Prepositions of place: a name after one is somewhere ("striking in Hollinsford"). "on" is one only before "the" (a
 * river, a road: "on the Thames"); before a bare name it says whom something was done to, who may respond: "pressure
 * put on Israel", "called on Pakistan to act".
 */
const OF_PLACE = "in|at|near|around|across|throughout|outside|inside|within";

/**
 * Whether `text` names `phrase` as a place, after a preposition of place ("Who is striking in Hollinsford?", "What
 * happened on the Thames?"): somewhere, not someone who acts. A body's noun still says it is people: "in Parliament".
 */
export function isPlaceIn(phrase: string, text: string): boolean {
  if (!/^(?:the\s+)?\p{Lu}/u.test(phrase) || COLLECTIVE_NOUNS.has(headWord(phrase))) return false;
  const prepositions = /^the\s/i.test(phrase) ? `${OF_PLACE}|on` : OF_PLACE;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${prepositions})\\s+${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, "iu").test(text);
}

// Plural nouns for people that no office or body names: who may respond, say or vote.
const PEOPLE_NOUNS = new Set(
  (
    "people men women children officials residents members workers employees staff delegates mediators negotiators " +
    "protesters voters citizens fans troops forces soldiers police countries nations sides parties governments " +
    "authorities leaders lawmakers councillors councilors investigators prosecutors inspectors officers families " +
    "growers unions companies firms airlines groups critics campaigners activists shareholders investors creditors " +
    "landlords tenants parents students teachers patients owners neighbours neighbors rebels militants islanders " +
    "diplomats envoys experts researchers scientists journalists reporters states allies opponents supporters"
  ).split(" "),
);

// Texts, which say, claim or warn as people do ("What do they say?" after "Who wrote the new rules?"), but never respond.
const TEXT_NOUNS = new Set(
  (
    "rules regulations guidelines laws documents reports studies papers letters statements polls surveys records " +
    "findings results figures data minutes filings accounts sources messages emails notes"
  ).split(" "),
);

/**
 * Whether what a phrase names can act as people do (respond, say, vote, reject): a name ("Pakistan", "Agrivane"), a
 * body of people ("the council"), or people by office, role, kind or deed ("the mediators", "Pakistan's Defence
 * Minister", "those who walked out").
 * "the talks", "the four days" and "the budget" cannot: "How did they respond?" does not ask how the talks did. Where
 * the verb is one a text does too (`speaks`: say, claim, warn), texts can: "the new rules say".
 */
export function canAct(phrase: string, speaks = false): boolean {
  // "those who are striking": people, by what they did.
  if (/^those\s+who\s/i.test(phrase)) return true;
  const words = phrase.replace(/\s(?:in|of|at)\s\p{Lu}\S*$/u, "");
  if (!/^(?:the|a|an)\s/i.test(words) && !/['’]s\s/u.test(words)) return /^\p{Lu}/u.test(words) && !CALENDAR.test(words);
  const head = headWord(words);
  // A capitalised noun after "the" is a name ("the Taliban", "the Kremlin", "the EU"), and a plural of a body of
  // people is bodies of them ("the banks", "the ministries", "the regulators").
  if (/^\p{Lu}/u.test(words.split(/\s+/).at(-1)!) && !CALENDAR.test(head)) return true;
  const singular = head.replace(/ies$/, "y").replace(/s$/, "");
  if (speaks && TEXT_NOUNS.has(head)) return true;
  return isCollective(words) || COLLECTIVE_NOUNS.has(singular) || PEOPLE_NOUNS.has(head) || PERSON_NOUNS.has(head) || PERSON_NOUNS.has(singular);
}
