import { relatedWordsOf, synonymsOf } from "../text/synonyms.js";
import { extractTerms, normalizeWord, type Term } from "../text/terms.js";
import { type AnswerType, answerTypeOf } from "./answer-type.js";


export interface QuestionTerm extends Term {
  /** Stems of the word's WordNet synonyms: weaker evidence than the word itself. Names get none. */
  synonyms: string[];
  /** Stems of words one WordNet relation away (hypernyms, hyponyms, derivations): weaker evidence than synonyms. */
  related: string[];
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
}

export function analyseQuestion(question: string): AnalysedQuestion {
  const seen = new Set<string>();
  // "long" in "how long", "old" in "how old": part of the question word, not something the answer must contain.
  const howWord = /\bhow\s+(\p{L}+)/iu.exec(question)?.[1]?.toLowerCase();
  // "time" in "what time did it happen", "year" in "which year": the kind of answer, which a sentence states as
  // "at 2:40 a.m." or "in 1998" without the word.
  const kindWord = /\b(?:what|which)\s+(time|year|date|day|month|hour|week|number|amount|percentage|proportion|figure|age)\b/iu.exec(question)?.[1]?.toLowerCase();
  const extracted = extractTerms(question).filter((t) => t.surface.toLowerCase() !== howWord && t.surface.toLowerCase() !== kindWord);
  const terms = extracted
    .filter((t) => !seen.has(t.stem) && seen.add(t.stem))
    .map((t) => {
      const words = t.salient ? [] : synonymsOf(t.surface);
      const synonyms = [...new Set(words.map(normalizeWord))].filter((s) => s !== t.stem);
      const related = t.salient ? [] : [...new Set(relatedWordsOf(t.surface).map(normalizeWord))].filter((r) => r !== t.stem && !synonyms.includes(r));
      return { ...t, synonyms, related, synonymWords: words };
    });
  const lexicalQuery = [question, ...terms.flatMap((t) => t.synonymWords)].join(" ");
  return {
    text: question,
    terms: terms.map(({ synonymWords: _, ...t }) => t),
    answerType: answerTypeOf(question),
    lexicalQuery,
    asksForResponse: /\b(respond|responded|response|react|reacted|reaction|reply|replied|answer(ed)?)\b/i.test(question),
    askedWords: new Set(extracted.map((t) => t.surface.toLowerCase())),
  };
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

