import type { RankedSentence } from "./ranked-sentence.js";
import type { ChunkHit } from "./hybrid-search.js";
import { type AnalysedQuestion, type QuestionTerm, satisfiesAnswerType } from "./question-analysis.js";
import type { IndexedSentence, SearchIndex } from "./search-index.js";

export interface SentenceEvidence {
  /** Cosine similarity of question and sentence embeddings. */
  similarity: number;
  /** Share of the question's term weight (idf) found in the sentence. */
  coverage: number;
  /** The same share over the sentence and its neighbours, which often name who or what "it" is. */
  contextCoverage: number;
  /** The share of the question's ordinary (non-name) term weight found in the sentence and its neighbours. */
  focusCoverage: number;
  answerTypeMatch: boolean;
  /** Opens with "In response" (or alike) and the question asks how someone reacted. */
  isResponse: boolean;
}

export interface ScoredSentence extends RankedSentence {
  evidence: SentenceEvidence;
}

// Weights calibrated with ANSWERABLE_THRESHOLD on the dev set and our own question sets (tests/fixtures/*.jsonl).
const W_SIMILARITY = 0.25;
const W_COVERAGE = 0.35;
const W_CONTEXT = 0.2;
// Names in a question only say what it is about; the other words say what it asks ("population of Meren").
const W_FOCUS = 0.2;
const ANSWER_TYPE_PENALTY = 0.2;
// Names and numbers pin a question to its facts more than ordinary words do.
const SALIENT_WEIGHT = 2;
// "In response, …" right after the sentence that matches a question about a reaction is where the answer is.
const RESPONSE_BONUS = 0.15;
// A synonym is weaker evidence than the question's own word: WordNet senses are not disambiguated.
const SYNONYM_CREDIT = 0.6;

/** Scores every sentence of the retrieved chunks on semantic and lexical evidence, best first. */
export function rankSentences(index: SearchIndex, question: AnalysedQuestion, queryVector: ArrayLike<number>, hits: ChunkHit[]): ScoredSentence[] {
  const weight = new Map(question.terms.map((t) => [t.stem, index.idf(t.stem) * (t.salient ? SALIENT_WEIGHT : 1)]));
  const focusTerms = question.terms.filter((t) => !t.salient);
  /** Share of the terms' weight found in any of the stem sets; a synonym earns part of its term's weight. */
  const coverageOf = (stemSets: Array<Set<string>>, terms: QuestionTerm[], whenNoTerms = 0) => {
    let found = 0;
    let total = 0;
    for (const t of terms) {
      const w = weight.get(t.stem)!;
      total += w;
      if (stemSets.some((s) => s.has(t.stem))) found += w;
      else if (t.synonyms.some((syn) => stemSets.some((s) => s.has(syn)))) found += SYNONYM_CREDIT * w;
    }
    return total > 0 ? found / total : whenNoTerms;
  };

  const seen = new Set<string>();
  const scored: ScoredSentence[] = [];
  for (const hit of hits) {
    const { chunk, report } = index.chunkAt(hit.label);
    const sentences = index.sentencesOf(report.id);
    for (let i = chunk.firstSentence; i <= chunk.lastSentence; i++) {
      const s = sentences[i]!;
      if (seen.has(s.sentence.id)) continue;
      seen.add(s.sentence.id);
      const neighbourStems = [sentences[i - 1], s, sentences[i + 1]].filter((x): x is IndexedSentence => x !== undefined).map((n) => n.stems);
      const evidence: SentenceEvidence = {
        similarity: dot(queryVector, s.vector),
        coverage: coverageOf([s.stems], question.terms),
        contextCoverage: coverageOf(neighbourStems, question.terms),
        // A question of names only ("Who is Omar Samad?") has no other terms to miss.
        focusCoverage: coverageOf(neighbourStems, focusTerms, 1),
        answerTypeMatch: satisfiesAnswerType(question.answerType, s.sentence.text, question.askedWords),
        isResponse: question.asksForResponse && /^(in response|in reply|responding|reacting)\b/i.test(s.sentence.text),
      };
      const score =
        W_SIMILARITY * evidence.similarity +
        W_COVERAGE * evidence.coverage +
        W_CONTEXT * evidence.contextCoverage +
        W_FOCUS * evidence.focusCoverage -
        (evidence.answerTypeMatch ? 0 : ANSWER_TYPE_PENALTY) +
        (evidence.isResponse ? RESPONSE_BONUS : 0);
      scored.push({ sentence: s.sentence, report: s.report, score, evidence });
    }
  }
  return scored.sort((a, b) => b.score - a.score);
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
