import { answeredFigure, namesAFigure } from "./answered-figure.js";
import { answeringSentence } from "./answering-sentence.js";
import type { Anaphor } from "./follow-up-signals.js";
import { coreOf } from "./follow-up-reading.js";
import { baseFormOf, isIrregularVerbForm } from "../text/word-forms.js";
import { escapeRegExp } from "../text/escape-reg-exp.js";
import { isStopWord } from "../text/terms.js";
import { canAct, countedPhrase, definitePhrases, isCollective, isNameAfterThe, isPlaceIn, isPlural, type NamePhrase, namePhrases, namesAPerson } from "./name-phrases.js";
import { type Turn, understoodQuestion } from "./turn.js";
import { ASKS_FOR_OBJECT, whatWasAsked } from "./what-was-asked.js";

/** A pronoun of the follow-up, with what its place in the question tells about it. */
export interface Pointer {
  anaphor: Anaphor;
  /** It follows "of": "How many of them went to hospital?" is a part of what was counted. */
  partOf: boolean;
  /** "that" identifies someone ("Which ward is that?", "Who is that?") rather than pointing to what happened. */
  identifies: boolean;
  /** It follows "after", "before", "since" or "until": "after that" is a time, after what happened. */
  inTime?: boolean;
  /**
   * It is the subject of a verb only people, groups or countries do ("How did they respond?"): "acts"; or of one a text
   * does too ("What do they say?" after "Who wrote the new rules?"): "speaks".
   */
  acts?: "acts" | "speaks";
}

// Verbs whose subject is someone: people, a body of them, a country. "How did they respond?" is not asked of talks.
const ACTS = new Set(
  (
    "respond react reply say tell reject agree disagree announce vote decide demand claim deny argue insist accuse " +
    "propose warn threaten refuse accept promise want think believe complain protest ask request urge criticise " +
    "criticize welcome condemn retaliate negotiate sign approve oppose blame admit apologise apologize appeal sue " +
    "comment plead testify"
  ).split(" "),
);
// Of those, what a text does too: "the new rules say", "the study warns".
const SPEAKS = new Set("say tell claim warn propose argue".split(" "));
// Words that may sit between a pronoun and its verb: "did they then respond?", "they initially said".
const BETWEEN = /^(?:then|later|first|initially|eventually|finally|ever|not|also|still|never|quickly|immediately)$/i;

/** The base form of a verb as a question writes it: "responded", "says", "said" → "respond", "say". */
function verbBase(word: string): string {
  const w = word.toLowerCase();
  const irregular = baseFormOf(w, "verb");
  if (irregular !== undefined) return irregular;
  for (const base of [w, w.replace(/s$/, ""), w.replace(/ed$/, ""), w.replace(/d$/, ""), w.replace(/ing$/, ""), w.replace(/ing$/, "e"), w.replace(/ied$/, "y"), w.replace(/ies$/, "y")]) {
    if (ACTS.has(base)) return base;
  }
  return w;
}

/**
 * Whether "they" at `anaphor` is the subject of a verb only those who can act do ("How did they respond?"), or of one
 * a text may do too ("What do they say?").
 */
export function actsAsSubject(question: string, anaphor: Anaphor): "acts" | "speaks" | undefined {
  if (anaphor.word.toLowerCase() !== "they") return undefined;
  const after = [...question.slice(anaphor.index + anaphor.word.length).matchAll(/[\p{L}’'-]+/gu)].map((m) => m[0]);
  const verb = after.find((w) => !BETWEEN.test(w));
  const base = verb === undefined ? undefined : verbBase(verb);
  if (base === undefined || !ACTS.has(base)) return undefined;
  return SPEAKS.has(base) ? "speaks" : "acts";
}

/**
 * What a pronoun stands for: the latest turn that offers a fitting name or phrase wins. Undefined when none does or a
 * rule says nothing stands for it: the pronoun is then left pointing back, with the previous turn's words. A phrase of
 * the wrong number stands for nothing: "they" after "How much of the line has been cleared?" are not the line, and
 * "Will the press conference cut again?", "Would the fire open sooner?" asked nothing.
 */
export function referentFor(pointer: Pointer, history: readonly Turn[]): string | undefined {
  const rules = RULES[pointer.anaphor.kind];
  for (let i = history.length - 1; i >= 0; i--) {
    const said = whatTurnSaid(history[i]!);
    for (const rule of rules) {
      const offer = rule(said, pointer);
      if (offer === NOTHING) return undefined;
      // "How did they respond?" asks how someone did: "the talks" offered for "they" cannot have, and is passed over
      // for the next rule or turn that offers someone who can.
      if (offer !== undefined && pointer.acts && pointer.anaphor.kind === "group" && !canAct(offer, pointer.acts === "speaks")) continue;
      // Nor as somewhere: "What do they want?" after "Who is striking in Hollinsford?" read "What do Hollinsford want?".
      if (offer !== undefined && pointer.acts && pointer.anaphor.kind === "group" && isPlaceIn(offer, said.asked)) continue;
      // "after that" is after what happened, never after someone or somewhere: "What did he do after that?" after "Who
      // is Mujahid?" read "… after Mujahid?", and "What happened after that?" after "When did Pakistan walk out?" read
      // "… after Pakistan?".
      if (offer !== undefined && pointer.inTime && !isEvent(offer, said)) continue;
      if (offer !== undefined) return offer;
    }
  }
  return undefined;
}

/**
 * Whether an offer may be what happened: an event is said with a noun phrase ("the talks", "the ceasefire in
 * Istanbul"), not with a name alone, which names someone or somewhere ("Mujahid", "Pakistan", whether or not an answer
 * said who he is), nor with a person's office ("Afghanistan's Defence Minister").
 */
function isEvent(offer: string, { askedNames, citedNames }: TurnSaid): boolean {
  return !namesAPerson(offer) && ![...askedNames, ...citedNames].some((n) => n.text === offer);
}

/** One earlier turn, as the rules read it. */
interface TurnSaid {
  turn: Turn;
  /** What it asked, in full (its reading when it was a follow-up), without context we carried to it. */
  asked: string;
  askedNames: NamePhrase[];
  /** The sentences its answer cited, as one text. */
  cited: string;
  /** The names the sentences its answer cited add to the question's. */
  citedNames: NamePhrase[];
  /** The question's noun phrases, first one first (`definitePhrases`, read with the cited sentences). */
  phrases: string[];
}

function whatTurnSaid(turn: Turn): TurnSaid {
  const asked = coreOf(understoodQuestion(turn));
  const cited = (turn.citations ?? []).map((c) => c.text).join(" ");
  const askedNames = namePhrases(asked);
  // A figure or a date is never what a pronoun stands for, even where a reading put one in a phrase's place ("What did
  // he say after the four days?"): "How did they respond?" then asked how the four days did.
  const phrases = definitePhrases(asked, cited).filter((p) => !namesAFigure(p));
  return { turn, asked, askedNames, cited, citedNames: namePhrases(cited).filter((n) => !asked.includes(n.text)), phrases };
}

/**
 * What one rule makes of one turn: the referent; undefined when it has nothing to say (the next rule, then the turn
 * before, is asked); or NOTHING, when it knows nothing stands for the pronoun, and no other rule or turn is asked.
 */
const NOTHING = null;
type Offer = string | undefined | typeof NOTHING;
type Rule = (said: TurnSaid, pointer: Pointer) => Offer;

const asksWho = (asked: string) => /^\s*who\b/i.test(asked);

/**
 * "he", "she", "his", "her": after "Who …?" the person is the answer, named in the cited sentence rather than in the
 * question; otherwise a person the question named. But "Who is Tomas Brandt?" asks about the person it names, when the
 * name is all it asks about ("Who was Tomas Brandt replaced by?" asks for someone else). A turn not sure of its answer
 * cited nothing, and the passages it showed name nobody for certain.
 */
const personNamed: Rule = ({ asked, askedNames, citedNames }) => {
  const about = /^\s*who\s+(?:is|was|are|were)\s+(.+?)[\s?.!]*$/i.exec(asked)?.[1];
  const aboutNamed = about !== undefined && askedNames.some((n) => n.person && n.text === about);
  const answerFirst = /^\s*(who|whom|whose)\b/i.test(asked) && !aboutNamed;
  return (answerFirst ? [...citedNames, ...askedNames] : [...askedNames, ...citedNames]).find((n) => n.person)?.text;
};

/**
 * "there": after "Which plant …?" or "Where did the mayor fly to?" the place is the answer, a name the cited sentence
 * adds; otherwise a place the question named ("How does Dunmore get its water?": there = Dunmore). A name the question
 * used may be a person's; one the answer added to "Which plant?" is the place ("Ashby Vale", two capitalised words,
 * reads as a person's name to the person test).
 */
const placeNamed: Rule = ({ turn, asked, askedNames }) => {
  const answerFirst = /^\s*(which|what|where)\b/i.test(asked);
  const answered = namePhrases(answeringSentence(turn) ?? "").filter((n) => !asked.includes(n.text));
  const places = askedNames.filter((n) => !n.person);
  return (answerFirst ? [...answered, ...places] : [...places, ...answered])[0]?.text;
};

/**
 * "Which ward is that?" after "Who voted against the budget?" asks about the person the answer named; when it named
 * nobody, nothing stands for "that" (the budget has no ward).
 */
const personIdentified: Rule = ({ asked, citedNames }, { identifies }) => {
  if (!identifies || !asksWho(asked)) return undefined;
  return citedNames.find((n) => n.person)?.text ?? NOTHING;
};

/**
 * "Was that a record?" after "How many people attended the cup final?": after a question that asked for a figure,
 * "that" is the figure its answer gave ("the 78,406 people"); if the answer gave none, nothing stands for it. But
 * "after that" is after what happened, not after a figure: "And what did he say after that?" after "How long did the
 * talks last?" asks about after the talks, not "after the four days".
 */
const figureAnswered: Rule = ({ turn, asked }, { inTime }) => (inTime ? undefined : answeredFigure(asked, answeringSentence(turn)));

/**
 * "How did Pakistan respond to that?" after "What did the Afghan delegation demand?": "that" is what they demanded,
 * the answer, not the delegation. (Reached only after a question that asked for no figure.)
 */
const thatIsTheAnswer: Rule = ({ asked }) => (ASKS_FOR_OBJECT.test(asked) ? (whatWasAsked(asked) ?? NOTHING) : undefined);

/** "When was that?" after "Who arranged the ceasefire?": what the previous question was about sits last in it, after its verb. */
const lastThingAsked: Rule = ({ askedNames, phrases }) => phrases.at(-1) ?? askedNames.at(-1)?.text;

/** The noun phrases "it" or "they" may stand for: "it" never stands for someone named by office ("the finance minister"). */
const thingsFor = ({ phrases }: TurnSaid, { anaphor }: Pointer) => (anaphor.kind === "thing" ? phrases.filter((p) => !namesAPerson(p)) : phrases);

/** What a "how many" question counted, as a phrase: "they" may be them. */
const countedFor = ({ asked }: TurnSaid, { anaphor }: Pointer) => {
  const counted = anaphor.kind === "group" ? countedPhrase(asked) : undefined;
  return counted === undefined ? undefined : `the ${counted}`;
};

/** "How many of them went to hospital?" after "How many people were injured?": them = the people counted, first. */
const partOfCounted: Rule = (said, pointer) => (pointer.partOf ? countedFor(said, pointer) : undefined);

/** "they" is a plural phrase, "it" a singular one: "How long did they last?" after "Who mediated the talks?". */
const phraseOfItsNumber: Rule = (said, pointer) => thingsFor(said, pointer).find((p) => isPlural(p) === (pointer.anaphor.kind === "group"));

/**
 * The name that comes first, the question's subject ("How did Pakistan respond to the delegation?": they = Pakistan);
 * a phrase holding a name ("the Afghan delegation") is that name's fuller form. People are "he" or "she", not this.
 * "they" keeps its number: a singular phrase holding a name is not "they", nor is the name inside it ("them" in
 * "what's the most it can fine them?" after "What is the regulator doing about the Vantora breach?" is not the
 * breach; "they" in "who were they built for?" after "What was the Skylark-2 rocket carrying?" is not the rocket,
 * whose name alone answered wrongly).
 */
const firstNamed: Rule = ({ asked, askedNames, phrases }, { anaphor }) => {
  const names = askedNames.filter((n) => !n.person).map((n) => n.text);
  const fitsNumber = (phrase: string) => anaphor.kind !== "group" || isPlural(beforePlace(phrase)) || isBody(beforePlace(phrase), asked);
  const fuller = phrases.filter((p) => names.some((n) => p.includes(n)) && fitsNumber(p));
  const named = [...fuller, ...names.filter((n) => !phrases.some((p) => p.includes(n)))];
  return named.sort((a, b) => asked.indexOf(a) - asked.indexOf(b))[0];
};

/** A phrase without the place that follows it: "the talks in Istanbul" are talks, plural. */
const beforePlace = (phrase: string) => phrase.replace(/\s(?:in|of|at)\s\p{Lu}[^\s]*$/u, "");

/**
 * "they" may be a body of people named by a singular noun, "will they appeal?" after "What did the council decide?",
 * or by a name after "the" that the question has act (`isBody`): "What did they say?" after "What did the Taliban
 * demand?".
 */
const bodyOfPeople: Rule = (said, pointer) => (pointer.anaphor.kind === "group" ? thingsFor(said, pointer).find((p) => isBody(p, said.asked)) : undefined);

/**
 * Whether a singular phrase is a body of people in `asked`: by its noun ("the council"), or a name of one word after
 * "the" that `asked` has do what people do ("What did the Taliban demand?", "Why did the Kremlin reject the offer?").
 * Such a name may as well be a thing's ("the Act", "the Titanic"): "When do they take effect?" after "What did the Act
 * change?" is not "When do the Act take effect?". A verb texts have too ("What did the Bill propose?") does not tell.
 */
function isBody(phrase: string, asked: string): boolean {
  if (isCollective(phrase)) return true;
  if (!isNameAfterThe(phrase)) return false;
  const after = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}\\s+([\\p{L}’'-]+)`, "u").exec(asked)?.[1];
  const base = after === undefined ? undefined : verbBase(after);
  return base !== undefined && ACTS.has(base) && !SPEAKS.has(base);
}

/**
 * "they" after "Who funded the study?" are whoever the answer named ("Agrivane"). A name before the plural noun it
 * describes goes with it: after "Who mediated the talks?", answered "mediated by Turkish and Qatari officials", they
 * are "the Turkish and Qatari officials", not "Turkish".
 */
const whoAnswered: Rule = ({ asked, cited, citedNames }, { anaphor }) => {
  if (anaphor.kind !== "group" || !asksWho(asked)) return undefined;
  const name = citedNames.find((n) => !n.person)?.text;
  if (name === undefined) return undefined;
  const described = new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(name)}(?:,?\s+(?:and\s+)?\p{Lu}[\p{L}-]*)*\s+(\p{Ll}+s)(?![\p{L}\p{N}])`, "u").exec(cited);
  // The word after must be a noun: "funded by Agrivane this year" and "by Qatar as talks stalled" name no plural.
  return described !== null && !isStopWord(described[1]!) && isPlural(described[0]) ? `the ${described[0]}` : name;
};

/**
 * "they" who act, after a "who" question whose answer named nobody ("Who is striking in Hollinsford?"): whom it asked
 * about, in its own words, "those who are striking in Hollinsford". Only after a question of who did something: "Who
 * is the mayor?" asks who one person is, and "Who did the council blame?" whom something was done to.
 */
const whoWasAsked: Rule = ({ asked }, { anaphor, acts }) => {
  if (anaphor.kind !== "group" || acts === undefined) return undefined;
  const [verb, ...rest] = /^\s*who\s+(.+?)[\s?.!]*$/i.exec(asked)?.[1]?.split(/\s+/) ?? [];
  if (verb === undefined || !/^\p{Ll}+$/u.test(verb) || /^(?:did|does|do)$/.test(verb) || !looksLikeVerb(verb)) return undefined;
  const next = rest[0] ?? "";
  if (/^(?:is|are|was|were)$/.test(verb) && !/^\p{Ll}+(?:ing|ed)$/u.test(next) && !isIrregularVerbForm(next)) return undefined;
  return `those who ${[plural(verb), ...rest].join(" ")}`;
};

/**
 * Whether the word after "who" is its verb: an auxiliary, a form ending as verbs do ("runs", "voted") or an irregular
 * one ("won"). "Who else was arrested?", "Who exactly won?" put a word of their own there, and "those who else …"
 * reads nothing.
 */
function looksLikeVerb(word: string): boolean {
  return /^(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might)$/.test(word) || /[^s]s$|ed$/.test(word) || isIrregularVerbForm(word);
}

/** A verb as "they" take it: "is" → "are", "has" → "have", "runs" → "run", "carries" → "carry"; "won" as it is. */
function plural(verb: string): string {
  const irregular: Record<string, string> = { is: "are", was: "were", has: "have" };
  if (irregular[verb] !== undefined) return irregular[verb];
  if (/ies$/.test(verb)) return verb.replace(/ies$/, "y");
  if (/(?:sh|ch|x|z|o)es$/.test(verb)) return verb.replace(/es$/, "");
  return /[^s]s$/.test(verb) ? verb.slice(0, -1) : verb;
}

/** Short of a plural phrase or a name, "they" after "How many plots were in the trial?" are the plots. */
const whatWasCounted: Rule = countedFor;

/**
 * "did it work?" after "What did the finance minister offer to win over the rebels?": when the question's only phrases
 * name people, "it" is what the question asked for: what he offered.
 */
const itIsTheAnswer: Rule = (said, pointer) => {
  const fewerThings = thingsFor(said, pointer).length < said.phrases.length;
  return pointer.anaphor.kind === "thing" && fewerThings && ASKS_FOR_OBJECT.test(said.asked) ? whatWasAsked(said.asked) : undefined;
};

/** The rules for each kind of pronoun, in the order they are asked of a turn. */
const RULES: Record<Anaphor["kind"], readonly Rule[]> = {
  person: [personNamed],
  place: [placeNamed],
  event: [personIdentified, figureAnswered, thatIsTheAnswer, lastThingAsked],
  thing: [phraseOfItsNumber, firstNamed, itIsTheAnswer],
  group: [partOfCounted, phraseOfItsNumber, firstNamed, bodyOfPeople, whoAnswered, whatWasCounted, whoWasAsked],
};
