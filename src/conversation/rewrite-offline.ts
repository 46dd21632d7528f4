import { extractTerms, stems } from "../text/terms.js";
import { escapeRegExp } from "../text/escape-reg-exp.js";
import { baseFormOf, isIrregularVerbForm } from "../text/word-forms.js";
import { answeringSentence } from "./answering-sentence.js";
import { ASKS_FOR_OBJECT } from "./what-was-asked.js";
import { type Anaphor, CONDITION, contentTerms, followUpSignals, leansOnHistory, OWN_WORDS_ENOUGH } from "./follow-up-signals.js";
import { coreOf, type FollowUpReading, type FollowUpRewriter, withContext } from "./follow-up-reading.js";
import { countedPhrase, definitePhrases, isCollective, isPlural, namePhrases, namesAPerson, namesAProperty, namesSomething } from "./name-phrases.js";
import { actsAsSubject, referentFor } from "./pronoun-referent.js";
import { answeredFrom, type Turn, understoodQuestion } from "./turn.js";

/** Words carried from the previous turn into a follow-up that leans on it: enough to find its passage again. */
const CONTEXT_WORDS = 6;

/**
 * Reads a follow-up as a standalone question without a model: pronouns become the names or noun phrases of the
 * previous turn they stand for ("How long did they last?" → "How long did the talks last?"), an elliptic question
 * takes the previous one's shape ("And Pakistan?" → "What did Pakistan demand?"), and the key words of the previous
 * question and of the sentence its answer cited follow in parentheses when the follow-up has too few words of its
 * own for retrieval to find its passage.
 * A question that stands on its own comes back unchanged.
 */
export function rewriteOffline(question: string, history: readonly Turn[]): FollowUpReading {
  const last = history.at(-1);
  const signals = followUpSignals(question);
  if (last === undefined || !leansOnHistory(signals)) return { question, rewritten: false };

  let core = question.trim();
  // A bare question ("Why?") or a pointing word ("after that") leaves nothing to substitute: only context can help.
  let resolved = signals.leaning.length === 0 && !(signals.bare && signals.anaphors.length === 0);
  if (signals.ellipsisSubject !== undefined) {
    const filled = fillEllipsis(coreOf(understoodQuestion(last)), asNamed(signals.ellipsisSubject, history));
    core = filled ?? core;
    resolved = filled !== undefined;
  } else if ((signals.bare || signals.fragment) && signals.anaphors.length === 0) {
    const asked = askedAgain(coreOf(understoodQuestion(last)), question);
    core = asked ?? core;
    resolved = asked !== undefined;
  } else {
    const taken = new Set<string>();
    const subjects = new Map<string, string>();
    const referents = signals.anaphors.map((anaphor) => {
      // "What did they say in their statement?": the possessive of a pronoun the question already used is that
      // pronoun's; sought on its own, "their" took the harbours an earlier "How many harbours have they dredged?" counted.
      const same = anaphor.possessive ? subjects.get(anaphor.word.toLowerCase()) : undefined;
      if (same !== undefined) return same;
      const before = core.slice(0, anaphor.index);
      const pointer = { anaphor, partOf: /\bof\s*$/i.test(before), identifies: IDENTIFIES.test(core), inTime: IN_TIME.test(before), acts: actsAsSubject(core, anaphor) };
      const found = referentFor(pointer, history);
      // "Who voted for it?" after "What was the vote?": "Who voted for the vote?" asks nothing; the thing is the verb's
      // own word, so the pronoun is left pointing back, with the previous turn's words.
      if (found === undefined || echoesQuestion(found, question, anaphor)) return undefined;
      // "What's the most it can fine them?": two pronouns of one question are two things, and "the regulator can fine
      // the regulator" asks nothing; the later one is left pointing back. A possessive may be the same ("Can it
      // enforce its decisions?").
      if (!anaphor.possessive && taken.has(found)) return undefined;
      taken.add(found);
      const itsPossessive = POSSESSIVE_OF[anaphor.word.toLowerCase()];
      if (!anaphor.possessive && itsPossessive !== undefined) subjects.set(itsPossessive, found);
      return found;
    });
    // Right to left, so earlier indexes stay valid as words are replaced.
    for (let k = signals.anaphors.length - 1; k >= 0; k--) {
      const anaphor = signals.anaphors[k]!;
      const referent = referents[k];
      if (referent === undefined) {
        // A pronoun left pointing back needs the previous turn's words.
        resolved = false;
        continue;
      }
      // "How many people live there?" → "… live in Dunmore?"; "How far is it from there?" keeps its preposition.
      const place = anaphor.kind === "place" && !/\b(in|at|from|to|near|into|through|around|of)\s*$/i.test(core.slice(0, anaphor.index));
      const replacement = anaphor.possessive ? possessive(referent) : place ? `in ${referent}` : referent;
      core = core.slice(0, anaphor.index) + replacement + core.slice(anaphor.index + anaphor.word.length);
    }
    // "And how were they split up?" reads as a question once rewritten: the "and" has done its work.
    core = core.replace(/^\s*(and|but|so)\s+(?=\S)/i, "");
    // "And if they don't?" asks what follows, of what the previous turn said: "What happens if Northgate don't?".
    if (CONDITION.test(core)) {
      core = `What happens ${core.charAt(0).toLowerCase()}${core.slice(1)}`;
      resolved = false;
    }
    core = core.charAt(0).toUpperCase() + core.slice(1);
  }
  // A reading that still points back ("On what grounds was that demand rejected?") needs the previous turn's words.
  if (core !== question.trim() && followUpSignals(core).leaning.length > 0) resolved = false;
  // Words enough of its own, as typed: a name put in for "he" says who, not which of their facts is asked about. An
  // elliptic question's words are the new subject in the previous question's shape; the old subject's words would
  // pull it back to the old answer.
  const own = signals.ellipsisSubject !== undefined ? core : question;
  const context = resolved && contentTerms(own).length >= OWN_WORDS_ENOUGH ? [] : carriedContext(core, last);
  const standalone = withContext(core, context);
  const subject = signals.ellipsisSubject !== undefined && resolved ? { ellipsisSubject: signals.ellipsisSubject } : {};
  return { question: standalone, rewritten: standalone !== question, preferredReportId: answeredFrom(history), ...subject };
}

/** The possessive of each subject pronoun: "they" and "their" in one question are the same people. */
const POSSESSIVE_OF: Record<string, string> = { they: "their", he: "his", she: "her", it: "its" };

/**
 * "How many homes were hit?", "Who runs transit?": a question in a conversation that names nothing stands on its own
 * as written, yet means the homes and the transit of what the conversation is about. This reading adds the previous
 * turn's names and key words as context and prefers its report; undefined when the question names something (it
 * says what it is about) or there is no previous turn.
 */
export function scopedToConversation(question: string, history: readonly Turn[]): FollowUpReading | undefined {
  const last = history.at(-1);
  if (last === undefined || namesSomething(question)) return undefined;
  const context = carriedContext(question, last);
  if (context.length === 0) return undefined;
  return { question: withContext(question.trim(), context), rewritten: true, preferredReportId: answeredFrom(history) };
}

export const offlineRewriter: FollowUpRewriter = {
  name: "offline",
  read: async (question, history) => rewriteOffline(question, history),
};

/** Whether the last word of `referent` is a word of the question besides the pronoun it would stand for ("vote"). */
function echoesQuestion(referent: string, question: string, anaphor: Anaphor): boolean {
  const head = stems(referent).at(-1);
  const rest = question.slice(0, anaphor.index) + question.slice(anaphor.index + anaphor.word.length);
  return head !== undefined && stems(rest).includes(head);
}

/** "How many were …", with the word after the verb, when one follows ("in", "injured", "people"). */
const HOW_MANY_WERE = /^\s*how\s+(?:many|much)\s+(?:is|was|were|are)\s*(?:\s(\p{L}+)|[?.!]*$)/iu;
const PLACE_OR_KIND = /^(?:in|at|on|of|from|with|to|for|by|among|there)$/i;

/**
 * A "how many" question whose subject is what it counts: the verb is followed by no noun of its own but by a place or
 * a participle ("injured", "sold", "hurt", "taken to hospital", "left homeless").
 */
function countsItsSubject(question: string): boolean {
  const match = HOW_MANY_WERE.exec(question);
  if (match === null) return false;
  const word = match[1];
  return word === undefined || PLACE_OR_KIND.test(word) || /ed$/i.test(word) || baseFormOf(word, "verb") !== undefined || isIrregularVerbForm(word);
}

/**
 * "Where?" after "When did the levee break?": the previous question asked again with the new question word, where it
 * goes on with an auxiliary ("did the levee break", "Which one did Marovia turn down?"). After a question about who
 * did something to something ("Who rejected that demand?"), the thing done to is asked about: "On what grounds was
 * that demand rejected?". "Who walked out?" has neither, and gets context instead.
 */
function askedAgain(previous: string, question: string): string | undefined {
  const wh = /^\s*(?:(?:and|but)\s+)?((?:(?:(?:for|by)\s+)?how\s+(?:long|many|much|far|old|often|soon))|\w+\s+(?:what|which|whose)\s+[\p{L}-]+|\w+\s+whom|why|when|where|who|what|how)\s*\?*\s*$/iu.exec(question)?.[1];
  if (wh === undefined) return undefined;
  const asked = `${wh.charAt(0).toUpperCase()}${wh.slice(1).toLowerCase()}`;
  const rest = /^\s*(how\s+\w+|(?:which|what|whose)\s+\w+|\w+)\s+((?:did|does|do|is|was|were|are|has|have|had|will|would|can|could)\b.*)$/i.exec(previous)?.[2];
  // "What did the sheriff ask people to do?" then "Why?": the thing asked about was the answer, and "Why did the
  // sheriff ask people to do?" asks nothing; the previous turn's words serve better.
  if (rest !== undefined && ASKS_FOR_OBJECT.test(previous) && /^(why|when|where|how|\w+\s+(whom|what|which)\b.*)$/i.test(wh)) return undefined;
  // "How many were in Brightwick?", "How many were injured?": what was counted is the subject, left unsaid, and "Why
  // were in Brightwick?" asks nothing ("How much are fares rising?" has its subject).
  if (rest !== undefined && countsItsSubject(previous)) return undefined;
  if (rest !== undefined) return `${asked} ${rest}`;
  const done = /^\s*(?:[Ww]ho|[Ww]hich\s+\p{Ll}+)\s+(\p{Ll}+ed)\s+((?:the|that|this|these|those|a|an|his|her|their|its)\s+[^?]+?|\p{Lu}[^?]*?)\s*\??\s*$/u.exec(previous);
  if (done === null) return undefined;
  const [, verb, object] = done;
  // "the talks in Istanbul" are plural: the words before the place decide.
  const head = object!.split(/\s+(?:in|of|at|on|from)\s+/)[0]!;
  return `${asked} ${isPlural(head) ? "were" : "was"} ${object} ${verb}?`;
}

/**
 * "And Pakistan?" after "What did Afghanistan demand?": the previous question with its name swapped. A name takes a
 * name's place; a common noun ("and animals?" after "How many people …?") takes what was counted or a noun phrase's.
 */
function fillEllipsis(previous: string, subject: string): string | undefined {
  const phrases = definitePhrases(previous);
  const prepositional = /^(in|of|at|on|from|to|for|with)\s/i.test(subject.trim());
  // "and the Greens?" names a party as "and Greens?" would. A title ("the Deputy Secretary", "the Secretary of
  // Defense") is capitalised without naming anyone: it is a kind of person, and takes its kind's place as "the deputy
  // secretary" would, not a name's ("What did the Deputy Minister's Defence Minister warn?"). Where the question has
  // no title to give way, the title takes a name's place: "and the Prime Minister?" after "What did Omar Samad say
  // about the deal?" asks what the Prime Minister said, not what Omar Samad said about him.
  const bare = subject.trim().replace(/[?.!]+$/, "").replace(/^\S+\s+/, (prep) => (prepositional ? "" : prep)).replace(/^the\s+/i, "");
  const capitalised = /^\p{Lu}/u.test(bare);
  const title = capitalised && namesAPerson(bare.replace(/\s+of\s.*$/i, ""));
  const kind = capitalised && !title ? undefined : (sameKind(previous, subject) ?? propertyOfWhatWasAsked(previous, subject, phrases));
  if (kind !== undefined) return kind;
  const isName = capitalised;
  // A title takes an office's place before a name's: "and the Secretary of Defense?" after "What did the Secretary of
  // State say …?" is not "the Secretary of the Secretary of Defense".
  const office = title ? phrases.find((p) => !subject.includes(p) && namesAPerson(p.replace(/\s+of\s.*$/i, ""))) : undefined;
  const name = isName && office === undefined ? namePhrases(previous).find((n) => !subject.includes(n.text))?.text : undefined;
  // A name inside a "the" phrase ("the Afghan delegation") goes with its phrase; an owner ("Afghanistan's Defence
  // Minister") is swapped alone, so "and Pakistan's?" asks for Pakistan's minister.
  // A place after its phrase ("the talks in Istanbul") is swapped alone: "and in Doha?" asks about the talks in Doha.
  const place = name && new RegExp(`\\s(in|of|at)\\s${escapeRegExp(name)}$`).exec(phrases.find((p) => p.endsWith(` ${name}`)) ?? "");
  const target =
    office ??
    (place ? (prepositional ? place[0].trim() : name) : undefined) ??
    (name && phrases.find((p) => /^the\s/i.test(p) && p.includes(name))) ??
    name ??
    (isName ? undefined : countedPhrase(previous)) ??
    (isName || !isBareNoun(subject) ? undefined : unnamedPhrase(phrases, subject)) ??
    phrases.find((p) => !subject.includes(p));
  if (target === undefined) return undefined;
  // A measure takes only a measure's place ("the turnout in Tarnwick"), or that of what "What is …?" asked for: in a
  // doer's, a thing's or what was counted it asks nothing ("Which plan did the cost reject?", "How many the turnout
  // did the Civic Alliance win?"), and the previous turn's words say better what it is of.
  const askedFor = new RegExp(`^\\s*what\\s+(?:is|was|are|were)\\s+${escapeRegExp(target)}`, "i").test(previous);
  if (!isName && namesAProperty(subject) && !askedFor && !namesAProperty(target.replace(/\s(?:in|of|at)\s.*$/, ""))) return undefined;
  const at = previous.indexOf(target);
  // A phrase rebuilt from its words ("Teachers Union" from "Teachers' Union") is not in the question to be replaced.
  if (at < 0) return undefined;
  const after = previous.slice(at + target.length);
  const before = previous.slice(0, at);
  // "and Pakistan's?" takes the place of "Afghanistan" in "Afghanistan's": one possessive is enough; "and in Linmouth?"
  // takes the place of "Brackenford" in "to rent in Brackenford": one "in" is enough.
  const preposition = prepositional ? /^\S+/.exec(subject.trim())![0] : undefined;
  const filler = subject
    .replace(/[?.!]+$/, "")
    .replace(/['’]s$/u, (s) => (/^['’]s\b/u.test(after) ? "" : s))
    .replace(/^\s*(\S+)\s+/, (prep) => (preposition !== undefined && new RegExp(`\\b${preposition}\\s+$`, "i").test(before) ? "" : prep));
  return before + filler + after;
}

/**
 * "and the score?" after "Who won the cup final?": a question of who did something has a verb that takes someone and
 * what they did it to, and a measure or property ("the score", "the cost") is neither: "Who won the score?" asks
 * nothing. It asks for that property of what the question was about: "What was the score of the cup final?". A thing
 * that can be won ("and the semi-final?") still takes the question's shape, and a property the question already has
 * is swapped (`sameKind`).
 */
function propertyOfWhatWasAsked(previous: string, subject: string, phrases: string[]): string | undefined {
  // "Which team won …?" asks who did it as "Who won …?" does; "Which plan did the council reject?" asks what was done to.
  const asksWhoDid = /^\s*(?:who|which\s+[\p{L}-]+)\s+(?!(?:did|does|do)\s)/iu.test(previous);
  if (!asksWhoDid || !namesAProperty(subject)) return undefined;
  const about = phrases.find((p) => !subject.includes(p)) ?? namePhrases(previous).at(-1)?.text;
  if (about === undefined) return undefined;
  // "Who pays for the levee?", "Who should pay the fine?" ask of now: "What is the cost …?"; "Who won …?" of then.
  const verb = /^\s*(?:who|which\s+[\p{L}-]+)\s+(\p{Ll}+)\s/iu.exec(previous)?.[1] ?? "";
  const now = verb !== "was" && /^(?:is|are|has|have|will|would|can|could|should|must|may|might|\p{Ll}+[^s]s)$/u.test(verb);
  // "his salary", "their score": the owner is what the question asked about, named after "of".
  const property = subject.replace(/[?.!]+$/, "").trim().replace(/^(?:(?:the|his|her|its|their)\s+)?/i, "the ");
  const verbFor = isPlural(property) ? (now ? "are" : "were") : now ? "is" : "was";
  return `What ${verbFor} ${property} of ${about}?`;
}

/**
 * One common noun with nothing before it ("growth", not "the ceasefire"): a modifier of what the previous question
 * asked about. A phrase of its own ("and the ceasefire?" after "What is Pakistan's inflation forecast?") asks about
 * itself, and "Pakistan's the ceasefire forecast" would read nothing.
 */
const isBareNoun = (subject: string) => /^\p{Ll}[\p{L}-]*$/u.test(subject.trim().replace(/[?.!]+$/, ""));

/**
 * "and growth?" after "What is the Central Bank of Aldermark's inflation forecast?": a common noun takes the place of
 * what the previous question says in common nouns, not of a name ("What is growth inflation forecast?"). Of what a
 * name owns, the last word says what kind of thing it is and stays; the words before it say which, and give way:
 * "Aldermark's growth forecast".
 */
function unnamedPhrase(phrases: string[], subject: string): string | undefined {
  const owned = (p: string) => /^(?:\p{Lu}\S*\s+)*\S+['’]s\s+(.+)\s\S+$/u.exec(p)?.[1] ?? p;
  return phrases.map(owned).find((p) => !subject.includes(p) && !/\p{Lu}/u.test(p.replace(/^the\s+/i, "")));
}

/**
 * A name typed in lower case ("and rovers?") written as the conversation wrote it ("Port Ellery Rovers"), so it
 * takes a name's place in the previous question.
 */
function asNamed(subject: string, history: readonly Turn[]): string {
  const words = subject.replace(/[?.!]+$/, "").trim();
  if (/^\p{Lu}/u.test(words) || /\s/.test(words)) return subject;
  const texts = history.flatMap((t) => [understoodQuestion(t), ...(t.citations ?? []).map((c) => c.text)]);
  const named = texts.flatMap((t) => namePhrases(t)).find((n) => n.text.toLowerCase().split(" ").includes(words.toLowerCase()));
  return named?.text ?? subject;
}

/** An owner: "Pakistan's", and a plural's "teachers'", whose apostrophe a word match keeps. */
const OWNER = /(?:['’]s|s['’])$/u;

/**
 * "What about the wet year?" after "How much did yields rise in dry years?": the words naming the same kind of thing
 * (the same head noun, with the word before it, or a title's capitalised words) give way to the new ones; "and the
 * interior minister?" after "What did Pakistan's Defence Minister warn?" asks about Pakistan's interior minister.
 */
function sameKind(previous: string, subject: string): string | undefined {
  const head = extractTerms(subject).at(-1);
  if (head === undefined) return undefined;
  const words = [...previous.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)];
  // The word after "who" is its verb, whatever its stem: "and the Vice Chair?" after "Who chairs the inquiry?".
  const at = words.findIndex((w, i) => i > 0 && !/^who$/i.test(words[i - 1]![0]) && extractTerms(w[0]).some((t) => t.stem === head.stem));
  if (at < 0) return undefined;
  const modifier = words[at - 1]!;
  let from = at > 1 && extractTerms(modifier[0]).length > 0 && /^\p{Ll}/u.test(modifier[0]) && !/^(the|a|an)$/i.test(modifier[0]) ? at - 1 : at;
  // Of what a name owns, every word between the owner and the noun says which, and gives way: "and energy costs?"
  // after "By how much did Corvane's raw material costs rise?" asks about Corvane's energy costs, not its raw ones.
  // An owner in lower case ("the country's") ends the walk as a name does: its words are not the ones that give way.
  let back = from;
  const gives = (word: string) => /^\p{Ll}/u.test(word) && extractTerms(word).length > 0 && !/^(the|a|an)$/i.test(word) && !OWNER.test(word);
  while (back > 1 && gives(words[back - 1]![0])) back--;
  if (back < from && OWNER.test(words[back - 1]?.[0] ?? "")) from = back;
  // A title's capitalised words go with it, up to its owner: "Defence Minister" in "Pakistan's Defence Minister"; a
  // body's name before it is its owner too: "General Secretary" in "the Teachers' Union General Secretary".
  const titleWord = (word: string) => /^\p{Lu}/u.test(word) && !OWNER.test(word) && !isCollective(word);
  if (/^\p{Lu}/u.test(words[at]![0])) while (from > 1 && titleWord(words[from - 1]![0])) from--;
  const start = words[from]!.index ?? 0;
  const end = (words[at]!.index ?? 0) + words[at]![0].length;
  // After an owner, a body's name or an article the new words need none of their own: "Pakistan's interior minister",
  // "the Teachers' Union deputy secretary"; nor after words that stay in a phrase the article opens: "the city deputy
  // leader", not "the city the deputy leader", and a name among them: "the Lakeside council election".
  const before = words[from - 1]?.[0] ?? "";
  let opener = from - 1;
  while (opener > 0 && (gives(words[opener]![0]) || (/^\p{Lu}/u.test(words[opener]![0]) && !OWNER.test(words[opener]![0])))) opener--;
  const article = (word: string) => /^(the|a|an)$/i.test(word);
  const determined = OWNER.test(before) || article(before) || (/^\p{Lu}/u.test(before) && isCollective(before)) || article(words[opener]?.[0] ?? "");
  const filler = subject.replace(/[?.!]+$/, "").trim().replace(determined ? /^(the|a|an)\s+/i : /^$/, "");
  return previous.slice(0, start) + filler + previous.slice(end);
}

/**
 * "Which ward is that?", "Who is that?": "that" identifies someone, rather than pointing to what happened ("When was
 * that?").
 */
const IDENTIFIES = /^\s*(?:(?:and|so|but)\s+)?(?:(?:which|what)\s+\p{L}+|who)\s+(?:is|was)\s+that\s*[?.!]*\s*$/iu;

/** "after that", "before this": the pointing word that follows is a time, after or before what happened. */
const IN_TIME = /\b(?:after|before|since|until|till)\s*$/i;

function possessive(phrase: string): string {
  return /s$/.test(phrase) && isPlural(phrase) ? `${phrase}’` : `${phrase}’s`;
}

/**
 * Words of the previous turn for a follow-up with too few of its own ("How long did they last?" barely says which
 * talks; "What did he say?" read as "What did Peter Anselm say?" names him but not about what): names in the previous
 * question and in the sentence its answer cited (not its figures), then their other key words. A follow-up with words enough, all its
 * pointers resolved, gets none: they would pull retrieval back to the sentence already cited. One still pointing back
 * ("after that", "there", "which one") always gets them.
 */
function carriedContext(core: string, last: Turn): string[] {
  const have = new Set(extractTerms(core).map((t) => t.stem));
  const asked = extractTerms(coreOf(understoodQuestion(last)));
  // A figure of the answer's sentence ("dies at 94", "40 percent") is the fact already given: carried, it pulls
  // retrieval back to that sentence, and "when was she born?" found her death again.
  const cited = extractTerms(answeringSentence(last) ?? "").filter((t) => !/^[\d.,]+$/.test(t.surface));
  const salientFirst = [...asked, ...cited].filter((t) => t.salient).concat(asked.filter((t) => !t.salient), cited.filter((t) => !t.salient));
  return salientFirst
    .filter((t) => !have.has(t.stem) && have.add(t.stem))
    .slice(0, CONTEXT_WORDS)
    .map((t) => t.surface.replace(/['’]s$/u, ""));
}
