import { preferReport } from "./prefer-report.js";
import type { SentenceRecord } from "../index/records.js";
import { judgeAnswerability, type Judgement } from "./answerability.js";
import { hybridSearch } from "./hybrid-search.js";
import { type AnalysedQuestion, analyseQuestion } from "./question-analysis.js";
import type { RankedSentence } from "./ranked-sentence.js";
import { rankSentences, type SentenceEvidence } from "./rank-sentences.js";
import type { SearchIndex } from "./search-index.js";

/** A ranked sentence with the evidence the judgement weighed, for answerers that want to see why it ranks where it does. */
export interface Candidate extends RankedSentence {
  features: SentenceEvidence;
}

export interface Retrieval {
  question: AnalysedQuestion;
  /** Every sentence of the retrieved chunks, best first. */
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
}

export interface RetrieverDeps {
  /** The live index, read once per question so an ingest swapping it mid-question cannot mix two generations. */
  index: () => SearchIndex;
  embedQuery: (text: string) => Promise<number[]>;
  /** Chunks fused from vector search and BM25 before their sentences are ranked. */
  topK: number;
}

export type Retrieve = (question: string, options?: RetrieveOptions) => Promise<Retrieval>;

/** Question analysis, embedding, fusion, ranking and the answerability judgement, behind one call. */
export function createRetriever(deps: RetrieverDeps): Retrieve {
  return async (question, options = {}) => {
    const index = deps.index();
    const reportIds = options.reportIds;
    const analysed = analyseQuestion(question);
    const t0 = performance.now();
    const queryVector = await deps.embedQuery(question);
    const t1 = performance.now();
    const hits = hybridSearch(index, analysed.lexicalQuery, queryVector, options.topK ?? deps.topK, reportIds);
    const ranked = preferReport(rankSentences(index, analysed, queryVector, hits), options.preferReportId);
    const judgement = judgeAnswerability(index, analysed, ranked, reportIds);
    const t2 = performance.now();
    const candidates = ranked.map(({ evidence, ...r }) => ({
      ...r,
      previous: index.sentencesOf(r.report.id)[r.sentence.index - 1]?.sentence,
      features: evidence,
    }));
    return {
      question: analysed,
      candidates,
      judgement,
      timings: { embedMs: t1 - t0, retrieveMs: t2 - t1 },
      around: (sentence, before, after) =>
        index
          .sentencesOf(sentence.reportId)
          .slice(Math.max(0, sentence.index - before), sentence.index + after + 1)
          .map((s) => s.sentence),
    };
  };
}
