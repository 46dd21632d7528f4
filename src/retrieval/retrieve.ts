import { preferReport } from "./prefer-report.js";
import type { SentenceRecord } from "../index/records.js";
import { judge, type Judgement } from "./answerability.js";
import { type AnswerabilityModel, linearProbability, shippedModel } from "./answerability-model.js";
import { candidatePool } from "./candidate-pool.js";
import { continuationOf } from "./continuation.js";
import { withAskedFactAfter } from "./asked-fact-after.js";
import { type Features, sentenceFeatures } from "./features.js";
import { hybridSearch } from "./hybrid-search.js";
import { type AnalysedQuestion, analyseQuestion } from "./question-analysis.js";
import type { RankedSentence } from "./ranked-sentence.js";
import type { SearchIndex } from "./search-index.js";
import { introductions, INTRODUCES_THEM } from "./introduction.js";
import { authorJudgement, authorQuestion, bylineAnswer, withBylines } from "./byline-answer.js";

/**
 * A ranked sentence with the evidence the judgement weighed; `score` is the model's probability that it answers
 * the question.
 */
export interface Candidate extends RankedSentence {
  features: Features;
  /** Every name and number of the question is found in this sentence's own report: only such a sentence may answer. */
  namesInOwnReport: boolean;
}

export interface Retrieval {
  question: AnalysedQuestion;
  /** Every sentence of the retrieved chunks, best first, but the sentences the judgement answers with go first. */
  candidates: Candidate[];
  judgement: Judgement;
  timings: { embedMs: number; retrieveMs: number };
  /** Sentences of a candidate's report around it (`before` and `after` of them), in reading order, from the same index. */
  around(sentence: SentenceRecord, before: number, after: number): SentenceRecord[];
}

export interface RetrieveOptions {
  /** Restrict retrieval to these reports (already checked to exist). */
  reportIds?: string[];
  /** Rank this report's sentences a little higher (a follow-up's previous answer came from it); never a filter. */
  preferReportId?: string;
  /** Chunks to fuse, when more than `RetrieverDeps.topK` are wanted (a chat model's wide context). */
  topK?: number;
  /** Words a follow-up carries from the conversation: they help find the passage, but are not what is asked. */
  carriedContext?: string;
}

export interface RetrieverDeps {
  /** The live index, read once per question so an ingest swapping it mid-question cannot mix two generations. */
  index: () => SearchIndex;
  embedQuery: (text: string) => Promise<number[]>;
  /** Chunks fused from vector search and BM25 before their sentences are ranked. */
  topK: number;
  /** Default: the model shipped in src/retrieval/model (cross-validation passes one fitted without the held-out reports). */
  model?: AnswerabilityModel;
}

// Sentences of the reached reports added to the chunks' own by their similarity alone: the support of a reworded
// question is among the candidates for 92 % of the bank's, against 82 % from chunks only; 6 to 20 rank alike.
const SENTENCE_SEARCH_EXTRA = 12;

export type Retrieve = (question: string, options?: RetrieveOptions) => Promise<Retrieval>;

/** Question analysis, embedding, fusion, ranking and the answerability judgement, behind one call. */
export function createRetriever(deps: RetrieverDeps): Retrieve {
  const model = deps.model ?? shippedModel();
  return async (question, options = {}) => {
    const index = deps.index();
    const reportIds = options.reportIds;
    const analysed = analyseQuestion(question);
    const t0 = performance.now();
    const searched = options.carriedContext ? `${question} ${options.carriedContext}` : question;
    const queryVector = await deps.embedQuery(searched);
    const t1 = performance.now();
    const hits = hybridSearch(index, `${analysed.lexicalQuery} ${options.carriedContext ?? ""}`, queryVector, options.topK ?? deps.topK, reportIds);
    const author = authorQuestion(question, index, options);
    const pool = withBylines(index, author, candidatePool(index, queryVector, hits, SENTENCE_SEARCH_EXTRA));
    const scored: Candidate[] = sentenceFeatures(index, analysed, queryVector, pool)
      .map((f) => ({
        ...f,
        score: linearProbability(model.sentence, f.features),
        previous: index.sentencesOf(f.report.id)[f.sentence.index - 1]?.sentence,
        next: index.sentencesOf(f.report.id)[f.sentence.index + 1]?.sentence,
        continuedBy: continuationOf(index.reportText(f.report.id) ?? "", index.sentencesOf(f.report.id).map((s) => s.sentence), f.sentence.index),
      }))
      .sort((a, b) => b.score - a.score);
    const ranked = preferReport(scored, options.preferReportId);
    const judged = judge(model, ranked);
    const byline = bylineAnswer(index, author, ranked);
    const introduced = author !== undefined ? (byline === undefined ? [] : [byline]) : introductions(analysed, ranked);
    const judgement: Judgement =
      author !== undefined ? authorJudgement(judged, byline)
      : introduced.length === 0 ? judged
      : { answerable: true, related: false, answerAt: introduced[0], confidence: judged.confidence, reason: INTRODUCES_THEM, introductions: introduced.length };
    // The sentences the judgement answers with go first, where answerers look for the best. An introduction is quoted
    // without what it leads into: "… the Competition and Markets Board (CMB), which set four conditions:" says what the
    // CMB is, the list after it what it asked for; a byline is quoted alone too.
    const answering = introduced.length > 0 ? introduced : judgement.answerAt === undefined ? [] : [judgement.answerAt];
    const first = answering.map((i) => (introduced.length > 0 ? { ...ranked[i]!, continuedBy: undefined } : withAskedFactAfter(ranked[i]!, analysed)));
    const candidates = [...first, ...ranked.filter((_, i) => !answering.includes(i))];
    const t2 = performance.now();
    return {
      question: analysed,
      candidates,
      // The answer's place among the candidates, where the engine's checks look for it: first.
      judgement: judgement.answerAt === undefined ? judgement : { ...judgement, answerAt: 0 },
      timings: { embedMs: t1 - t0, retrieveMs: t2 - t1 },
      around: (sentence, before, after) =>
        index
          .sentencesOf(sentence.reportId)
          .slice(Math.max(0, sentence.index - before), sentence.index + after + 1)
          .map((s) => s.sentence),
    };
  };
}
