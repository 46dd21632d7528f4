import { meaningAskedBy } from "../text/acronym-question.js";
import { canBeVerb, isInflectedVerb, relatedWordsOf, synonymsOf } from "../text/synonyms.js";
import { extractTerms, normalizeWord, type Term } from "../text/terms.js";
import { baseFormOf, otherForms } from "../text/word-forms.js";
import { type AnswerType, answerTypeOf, askedThingOf } from "./answer-type.js";


export interface QuestionTerm extends Term {
  /** Stems of the word's WordNet synonyms: weaker evidence than the word itself. Names get none. */
  synonyms: string[];
  /** Stems of words one WordNet relation away (hypernyms, hyponyms, derivations): weaker evidence than synonyms. */
  related: string[];
  /** Stems of the word's irregular forms ("spent" for "spend", "led" for "leading"): the same word, which a stemmer cannot join. */
  forms: string[];
}

export interface AnalysedQuestion {
  text: string;
  /** Content terms, one per stem. */
  terms: QuestionTerm[];
  answerType: AnswerType;
  /** The question plus its terms' synonyms, for BM25. */
  lexicalQuery: string;
  /** Asks how someone reacted: the answer often follows the sentence that matches ("In response, …"). */
  asksForResponse: boolean;
  /** Every content word of the question as written, lowercase: a "who" answer must name someone else. */
  askedWords: Set<string>;
  /** What a "which …?" question wants named ("supermarkets" in "Which supermarkets sold it?"). */
  askedThing?: string;
  /** The question's main verb ("repaired" in "When was the depot repaired?"), when it is a content word. */
  predicate?: QuestionTerm;
}

export function analyseQuestion(question: string): AnalysedQuestion {
  const seen = new Set<string>();
  // "long" in "how long", "old" in "how old": part of the question word, not something the answer must contain.
  const howWord = /\bhow\s+(\p{L}+)/iu.exec(question)?.[1]?.toLowerCase();
  // "time" in "what time did it happen", "year" in "which year": the kind of answer, which a sentence states as
  // "at 2:40 a.m." or "in 1998" without the word.
  const kindWord = /\b(?:what|which)\s+(time|year|date|day|month|hour|week|number|amount|percentage|proportion|figure|age)\b/iu.exec(question)?.[1]?.toLowerCase();
  // "mean" in "what does MFWU mean?", "stand" in "… stand for?": the question asks what an acronym is short for, and
  // the word's many WordNet synonyms (intend, signify, average, …) drowned the acronym in the search for it. Of any
  // other phrase ("what does split shifts mean?") a sentence using it is no definition, so "mean" must be found.
  const meaningWord = meaningAskedBy(question);
  const formWord = (w: string) => w === howWord || w === kindWord || w === meaningWord;
  const extracted = extractTerms(question).filter((t) => !formWord(t.surface.toLowerCase()));
  const terms = extracted.filter((t) => !seen.has(t.stem) && seen.add(t.stem)).map(withRelatedWords);
  const lexicalQuery = [question, ...terms.flatMap((t) => t.synonymWords)].join(" ");
  const predicateWord = predicateOf(question);
  const finalTerms = terms.map(({ synonymWords: _, ...t }) => t);
  return {
    text: question,
    terms: finalTerms,
    answerType: answerTypeOf(question),
    askedThing: askedThingOf(question),
    lexicalQuery,
    asksForResponse: /\b(respond|responded|response|react|reacted|reaction|reply|replied|answer(ed)?)\b/i.test(question),
    askedWords: new Set(extracted.map((t) => t.surface.toLowerCase())),
    predicate: predicateWord === undefined ? undefined : finalTerms.find((t) => t.surface.toLowerCase() === predicateWord),
  };
}

function withRelatedWords(t: Term): QuestionTerm & { synonymWords: string[] } {
  // Irregular forms ("wrote" → write, written) help find the passage; as evidence that a sentence holds the
  // question's words they made word-for-word answers wrong more often ("won" for a question's "win" elsewhere).
  const formWords = t.salient ? [] : otherForms(t.surface);
  const words = t.salient ? [] : synonymsOf(t.surface);
  const synonyms = [...new Set(words.map(normalizeWord))].filter((s) => s !== t.stem);
  const related = t.salient ? [] : [...new Set(relatedWordsOf(t.surface).map(normalizeWord))].filter((r) => r !== t.stem && !synonyms.includes(r));
  const forms = [...new Set(formWords.map(normalizeWord))].filter((f) => f !== t.stem);
  return { ...t, synonyms, related, forms, synonymWords: [...formWords, ...words] };
}

// Verbs and adjectives that take a "to" + verb after them ("meant to counter", "expected to reopen", "agreed to pay"):
// the verb after "to" says what is asked. After others "to" opens a place or a thing ("restored to homes").
const LEADS_ON =
  /^(mean|meant|means|expect(s|ed)?|plan(s|ned)?|suppose[sd]?|set|schedule[sd]?|agree[sd]?|vote[sd]?|decide[sd]?|hope[sd]?|want(s|ed)?|tr(y|ies|ied)|intend(s|ed)?|design(s|ed)?|require[sd]?|force[sd]?|allow(s|ed)?|aim(s|ed)?|seek(s)?|sought|refuse[sd]?|fail(s|ed)?|promise[sd]?|threaten(s|ed)?|pledge[sd]?|vow(s|ed)?|choose|chose|chosen|prepare[sd]?|due|going|likely|able|unable|ready|willing)$/i;
const DO_OR_MODAL = /^(did|does|do|will|would|can|could|should|may|might)$/i;
const BE_OR_HAVE = /^(was|were|is|are|has|have|had)$/i;
// Words that open a noun phrase: the word after one is the phrase's, not a verb ("the fuel depot").
const NOUN_PHRASE_OPENER = /^(the|a|an|its|his|her|their|our|this|that|these|those|each|every|some|any|no|of|for|in|on|at|to|from|by|with)$/i;

/**
 * The main verb of a question, lowercase: after "who"/"what" when one follows at once ("Who wrote …"); after "was"
 * or "has", the first participle ("When was the fuel depot on the northern quay repaired?", "Who is leading …?");
 * after "did" or "will", the first word that can be a verb and does not open or continue a noun phrase ("What did
 * Judge Adeyemi write?"). A verb that leads on to another ("meant to counter", "expected to rise") gives way to it.
 */
export function predicateOf(question: string): string | undefined {
  const words = question.match(/[\p{L}'’-]+/gu) ?? [];
  const isContent = (w: string) => /^\p{Ll}/u.test(w) && extractTerms(w).length > 0 && canBeVerb(w);
  const aux = words.findIndex((w) => DO_OR_MODAL.test(w) || BE_OR_HAVE.test(w));
  if (aux < 0) {
    const next = words[1];
    return /^(who|what)$/i.test(words[0] ?? "") && next && isContent(next) ? next.toLowerCase() : undefined;
  }
  // "-ing" only straight after the auxiliary ("who is leading"): later it is a noun ("the Istanbul meeting").
  const isParticiple = (w: string, at: number) => (/(ed|en)$/i.test(w) && isInflectedVerb(w)) || baseFormOf(w, "verb") !== undefined || (at === aux + 1 && /ing$/i.test(w));
  const passive = BE_OR_HAVE.test(words[aux]!);
  for (let i = aux + 1; i < words.length; i++) {
    const w = words[i]!;
    if (!isContent(w)) continue;
    if (!(passive ? isParticiple(w, i) : i === aux + 1 || !NOUN_PHRASE_OPENER.test(words[i - 1]!))) continue;
    const led = words[i + 1]?.toLowerCase() === "to" && LEADS_ON.test(w) ? words[i + 2] : undefined;
    return (led !== undefined && isContent(led) && !isInflectedVerb(led) ? led : w).toLowerCase();
  }
  return undefined;
}

export interface QuestionPart {
  /** The part as asked ("how long did they last?"). */
  text: string;
  /** What to retrieve it by: a later part also carries the first part's words, which its "they" or "it" stands for. */
  query: string;
}

// "Who mediated the talks and how long did they last?": a second question word right after "and".
const SECOND_QUESTION = /,?\s+and\s+(?=(?:who|whom|whose|what|when|where|why|how|which)\b)/i;

/** A two-part question split into its parts; any other question is one part. */
export function splitQuestion(question: string): QuestionPart[] {
  const at = SECOND_QUESTION.exec(question);
  if (!at || at.index === 0) return [{ text: question, query: question }];
  const first = question.slice(0, at.index).trim().replace(/[?.!]*$/, "?");
  const second = question.slice(at.index + at[0].length).trim();
  const context = extractTerms(first)
    .map((t) => t.surface)
    .join(" ");
  return [
    { text: first, query: first },
    { text: second.charAt(0).toUpperCase() + second.slice(1), query: `${second} ${context}` },
  ];
}
