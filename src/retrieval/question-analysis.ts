import { synonymsOf } from "../text/synonyms.js";
import { extractTerms, normalizeWord, type Term } from "../text/terms.js";

/** What kind of fact the question asks for, when its wording says so; an answer must contain one. */
export type AnswerType = "number" | "time" | "name" | "place" | undefined;

export interface QuestionTerm extends Term {
  /** Stems of the word's WordNet synonyms: weaker evidence than the word itself. Names get none. */
  synonyms: string[];
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
  const extracted = extractTerms(question);
  const terms = extracted
    .filter((t) => !seen.has(t.stem) && seen.add(t.stem))
    .map((t) => {
      const words = t.salient ? [] : synonymsOf(t.surface);
      const synonyms = [...new Set(words.map(normalizeWord))].filter((s) => s !== t.stem);
      return { ...t, synonyms, synonymWords: words };
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

function answerTypeOf(question: string): AnswerType {
  const q = question.toLowerCase();
  if (/\bhow (many|much|long|far|old)\b|\bwhat (number|percentage|share|amount)\b/.test(q)) return "number";
  if (/\bwhen\b|\bwhat (year|date|day|month|time)\b|\bwhich (year|date|day|month)\b/.test(q)) return "time";
  if (/^\s*where\b|\b(which|what) (city|country|countries|place|town|village|region|province|venue|location)\b/.test(q)) return "place";
  if (/^\s*(who|whom|whose)\b|\b(who|whom|whose)\s+(is|was|are|were|did|has|had|will|would|could)\b/.test(q)) return "name";
  return undefined;
}

const NUMBER_WORDS =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|several|half|first|second|third|single|double|both)\b/i;
const TIME_WORDS =
  /\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight|week|weeks|month|months|year|years|day|days|earlier|ago|morning|evening|night|noon|midnight|dawn|dusk|weekend|spring|summer|autumn|winter|decade|century)\b|\b(1[89]|20)\d\d\b|\b\d{1,2}(:\d\d)?\s?[ap]\.?m\b|\b\d{1,2}:\d\d\b/i;

/** Whether a sentence holds the kind of fact the question asks for ("how many" → a number, "when" → a time). */
export function satisfiesAnswerType(type: AnswerType, sentence: string, askedWords: Set<string>): boolean {
  switch (type) {
    case undefined:
      return true;
    case "number":
      return /\d/.test(sentence) || NUMBER_WORDS.test(sentence);
    case "time":
      return TIME_WORDS.test(sentence);
    case "place":
      return /\b(in|at|near|inside|outside|across)\s+(the\s+)?\p{Lu}/u.test(sentence);
    case "name": {
      // A capitalised word the question itself did not use, past the sentence's first word.
      return extractTerms(sentence).some((t) => t.salient && !askedWords.has(t.surface.toLowerCase()));
    }
  }
}
