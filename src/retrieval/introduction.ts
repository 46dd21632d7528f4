import { acronymAsked } from "../text/acronym-question.js";
import { extractTerms, normalizeWord, stems } from "../text/terms.js";
import { mayAnswer, type ScoredFeatures } from "./answer-features.js";
import type { AnalysedQuestion } from "./question-analysis.js";
import { HONORIFICS } from "../text/honorifics.js";

// "Who is Rachel Ingersoll?", "who was Dai Pritchard": who someone is, asked by their name and nothing else.
const WHO_IS = /^\s*who\s*(?:is|was|'s|’s)\s+(.+?)[\s?.!]*$/iu;

export const INTRODUCES_THEM = "the question asks who or what is named, and the sentence introduces it";

type Ranked = ScoredFeatures & { report: { id: string }; sentence: { index: number; text: string } };

/**
 * The question asks who a named person is. The bank that fits the answer model holds almost no such questions, and
 * the sentence encoder puts a bare name far from the long sentence that introduces it ("Dr. Rachel Ingersoll, chief
 * executive of the authority, said …" scored below zero), so the model was not sure, or found nothing close; and when
 * it was sure, the sentences around its pick scored as close and were quoted with it.
 */
export function asksWhoSomeoneIs(question: AnalysedQuestion): boolean {
  const named = WHO_IS.exec(question.text)?.[1];
  // A capital is a name's even where the term finder reads a sentence start ("John" after "Brig.", a title that may end
  // a sentence).
  return named !== undefined && question.terms.length > 0 && question.terms.every((t) => t.salient || /^\p{Lu}/u.test(t.surface)) && extractTerms(named).length === question.terms.length;
}

// Reports that each spell an acronym out otherwise, or name another holder of an office, are each cited, up to three:
// beyond that the answer would be a list rather than an introduction.
const MAX_INTRODUCTIONS = 3;

/**
 * Answers who someone is with the sentence that introduces them: reports give a person's full name and what they are
 * at first mention ("The oldest, Dai Pritchard, is 61."), then the surname alone. Of the candidates that may answer
 * and hold the whole name (its words side by side, or one apart; a title before it not needed), the earliest in the
 * report of the best of them; it alone is cited from that report.
 * An acronym is answered only where a report spells it out ("The Transport and Tramways Workers' Union (TTWU) said
 * …"): its first mention elsewhere says what it did, not what it is.
 * Two reports may spell the same acronym out as two bodies, or name two holders of an office (each town its mayor):
 * the best report's alone would answer for all of them, so each report that says otherwise is cited too, best first.
 * A person's name two reports introduce is most often the same person's, and stays with the best report.
 * Indexes into `ranked`, the answer first; none when no candidate introduces what is asked.
 */
export function introductions(question: AnalysedQuestion, ranked: readonly Ranked[]): number[] {
  const acronym = acronymAsked(question.text);
  const name = asksWhoSomeoneIs(question) ? nameStems(question.text) : [];
  const asksOffice = /^\s*who(?:\s*['’]s|\s+\S+)\s+the\s/iu.test(question.text);
  const naming =
    acronym !== undefined ? (c: Ranked) => c.namesInOwnReport && c.features.isQuestion === 0 && c.sentence.text.includes(`(${acronym})`)
    : name.length > 0 ? (c: Ranked) => mayAnswer(c) && !isHeadline(c.sentence) && holdsName(c.sentence.text, name) && (!asksOffice || holderNamed(c.sentence.text, name.at(-1)!) !== undefined)
    : undefined;
  const first = naming && ranked.find(naming);
  if (!naming || !first) return [];
  if (name.length === 1 && !asksOffice && givenNames(ranked.filter((c) => c.report.id === first.report.id && naming(c)), name[0]!).size > 1) return [];
  /** The earliest sentence of a report that introduces what is asked. */
  const earliestIn = (reportId: string) => {
    let at = -1;
    ranked.forEach((c, i) => {
      if (c.report.id === reportId && naming(c) && (at < 0 || c.sentence.index < ranked[at]!.sentence.index)) at = i;
    });
    return at;
  };
  const own = earliestIn(first.report.id);
  const says =
    acronym !== undefined ? (c: Ranked) => spelledOut(c.sentence.text, acronym)
    : asksOffice ? (c: Ranked) => holderNamed(c.sentence.text, name.at(-1)!)
    : undefined;
  if (!says) return [own];
  const at = [own];
  const said = new Set([says(ranked[own]!)]);
  for (const reportId of new Set(ranked.filter(naming).map((c) => c.report.id))) {
    const i = earliestIn(reportId);
    const what = says(ranked[i]!);
    if (at.length < MAX_INTRODUCTIONS && !said.has(what)) {
      at.push(i);
      said.add(what);
    }
  }
  return at;
}

/**
 * What a sentence spells an acronym out as: the stems of as many words before "(CPA)" as it has letters, function words
 * left out ("the Competition and Markets Board (CMB)" → competit market board), so that "the Consumer Protection
 * Agency (CPA)" and "the Civil Procedure Authority (CPA)" differ and two reports' "Consumer Protection Agency" do not.
 */
function spelledOut(text: string, acronym: string): string {
  const before = text.slice(0, text.indexOf(`(${acronym})`));
  return stems(before).slice(-acronym.replace(/[^\p{Lu}]/gu, "").length).join(" ");
}

// A word as a name or title is written ("O'Neill", "Vasquez-Boyd", "Cllr."), and the punctuation that may stand
// between a name and what comes before it.
const WORD = String.raw`[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*\.?`;
const WORD_OR_COMMA = new RegExp(String.raw`${WORD}|,`, "gu");
const WORD_OR_PUNCTUATION = new RegExp(String.raw`${WORD}|[,;:()–—]`, "gu");

// "Mr Forsyth", "Prof. Ferreday": the form of later mentions; the first gives the name without it ("Chief executive
// Declan Forsyth said …"), so a sentence holding the title too is the first one after the introduction.
const HONORIFIC = new RegExp(`^(?:${HONORIFICS.join("|")})\\.?$`, "iu");

/** The stems of the name a "Who is …?" question asks about, without the title before it. */
function nameStems(question: string): string[] {
  const named = WHO_IS.exec(question)?.[1] ?? "";
  return extractTerms(named).filter((t) => !HONORIFIC.test(t.surface)).map((t) => t.stem);
}

/**
 * A report's first line without a full stop is its headline, which names people by surname in passing ("… after
 * beating Sandqvist in rapid tiebreak"); the report introduces them below it ("the defending champion, Viktor
 * Sandqvist"). A byline is kept: "By Nell Garside, Transport Correspondent" says who she is.
 */
function isHeadline(sentence: { index: number; text: string }): boolean {
  return sentence.index === 0 && !/[.!?…]["”’')]*\s*$/u.test(sentence.text);
}

/**
 * The sentence holds every word of the name, each next to the one before or one word apart ("Khawaja Asif" in
 * "Khawaja Muhammad Asif"), outside anyone's quoted words.
 */
function holdsName(text: string, name: readonly string[]): boolean {
  const words = stems(outsideQuotes(text));
  const at = name.map((stem) => words.flatMap((w, i) => (w === stem ? [i] : [])));
  return at.every((found) => found.length > 0) && at.slice(1).every((found, k) => found.some((i) => at[k]!.some((j) => i - j === 1 || i - j === 2)));
}

/**
 * "Who is the Mayor?" asks who holds an office, which a sentence holding its name need not say: "Peggy Ainsworth, who
 * became the town's first woman mayor, died …" answered it in a report whose mayor is Devinder Rathore. Only a name
 * beside the office's last word answers ("The Housing Minister, Alicia Drummond, announced", "Prime Minister Annika
 * Holm"): that name's last word (the surname, as later mentions give it), lowercased, if the sentence has one.
 */
function holderNamed(text: string, office: string): string | undefined {
  const words = text.match(WORD_OR_COMMA) ?? [];
  for (const [i, w] of words.entries()) {
    if (normalizeWord(w) !== office) continue;
    // A title is not the name: "The current mayor, Cllr. Devinder Rathore, said …".
    let k = i + 1;
    while (words[k] === "," || HONORIFIC.test(words[k] ?? "")) k++;
    let end = k;
    while (/^\p{Lu}/u.test(words[end] ?? "")) end++;
    if (end > k) return words[end - 1]!.toLowerCase();
  }
  return undefined;
}

/**
 * A name in someone's words is whom they spoke of, not an introduction: "'I told Raj Patel the deal was off,' she said"
 * says nothing of who he is, and a person the report names only there is not introduced at all. A quotation may run
 * past the sentence ('"Peggy Ainsworth was Pellbridge.' opens one); a word or three in quotation marks is a nickname or
 * a title, not anyone's words ('Margaret "Peggy" Ainsworth, who delivered more than 3,000 babies').
 */
function outsideQuotes(text: string): string {
  return text.replace(/"[^"]*(?:"|$)|“[^”]*(?:”|$)/gu, (quoted) => (quoted.trim().split(/\s+/u).length > 3 ? " " : quoted));
}

/**
 * The first names a report gives a surname: "Who is Mr Ainsworth?" or "Who is Holt?" of an obituary that names the
 * woman, her husband and her father (Margaret Ainsworth, Douglas Ainsworth; Margaret Holt, Arthur Holt) was answered
 * by her introduction, the earliest; a surname with more than one is left to the answer model.
 */
function givenNames(sentences: readonly { sentence: { text: string } }[], surname: string): Set<string> {
  const names = new Set<string>();
  for (const { sentence } of sentences) {
    // Punctuation is kept as words, so that "On Saturday, Ilic won" gives him no first name.
    const words = outsideQuotes(sentence.text).match(WORD_OR_PUNCTUATION) ?? [];
    words.forEach((w, i) => {
      const before = words[i - 1];
      if (before && normalizeWord(w) === surname && /^\p{Lu}/u.test(before) && !HONORIFIC.test(before)) names.add(before);
    });
  }
  return names;
}
