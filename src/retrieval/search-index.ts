import type { IndexGeneration, StoredReport } from "../index/index-files.js";
import { chunksInLabelOrder } from "../index/index-files.js";
import type { LexicalHit } from "../index/lexical-index.js";
import type { ChunkRecord, ReportRecord, SentenceRecord } from "../index/records.js";
import type { VectorHit } from "../index/vector-index.js";
import { stems } from "../text/terms.js";

export interface IndexedSentence {
  sentence: SentenceRecord;
  report: ReportRecord;
  vector: Float32Array;
  stems: Set<string>;
}

/**
 * The live index in memory: vectors and BM25 over chunks, plus what sentence ranking needs — sentence vectors,
 * their stems, and sentence-level document frequencies for weighting question terms.
 */
export class SearchIndex {
  readonly labels: Array<{ chunk: ChunkRecord; report: ReportRecord }>;
  private readonly sentences = new Map<string, IndexedSentence>();
  private readonly byReport = new Map<string, IndexedSentence[]>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly reportVocabulary = new Map<string, Set<string>>();
  readonly sentenceCount: number;

  constructor(private readonly generation: IndexGeneration) {
    const records = new Map(generation.manifest.reports.map((r) => [r.id, r]));
    this.labels = chunksInLabelOrder(generation.manifest, generation.reports).map(({ chunk }) => ({
      chunk,
      report: records.get(chunk.reportId)!,
    }));
    let count = 0;
    for (const [id, stored] of generation.reports) {
      const report = records.get(id)!;
      const vocabulary = new Set<string>();
      const list = indexSentences(stored, report);
      for (const s of list) {
        this.sentences.set(s.sentence.id, s);
        for (const stem of s.stems) {
          vocabulary.add(stem);
          this.documentFrequency.set(stem, (this.documentFrequency.get(stem) ?? 0) + 1);
        }
      }
      this.byReport.set(id, list);
      this.reportVocabulary.set(id, vocabulary);
      count += list.length;
    }
    this.sentenceCount = count;
  }

  get reports(): ReportRecord[] {
    return this.generation.manifest.reports;
  }

  /** Nearest chunks by vector (labels as in `labels`). */
  searchVectors(query: ArrayLike<number>, k: number, filter?: (label: number) => boolean): VectorHit[] {
    return this.generation.vectors.search(query, k, filter);
  }

  /** Chunks by BM25; question words in more than half the sentences are skipped. */
  searchLexical(question: string, k: number, filter?: (label: number) => boolean): LexicalHit[] {
    return this.generation.lexical.search(question, k, filter, (stem) => this.isCommon(stem));
  }

  /** A report's text as ingested, which every citation must be an exact slice of. */
  reportText(id: string): string | undefined {
    return this.generation.reports.get(id)?.text;
  }

  hasReport(id: string): boolean {
    return this.byReport.has(id);
  }

  sentence(id: string): IndexedSentence | undefined {
    return this.sentences.get(id);
  }

  sentencesOf(reportId: string): IndexedSentence[] {
    return this.byReport.get(reportId) ?? [];
  }

  /** Inverse document frequency over sentences: rare words weigh more as evidence. */
  idf(stem: string): number {
    const df = this.documentFrequency.get(stem) ?? 0;
    const n = this.sentenceCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Whether any of the reports (all when unrestricted) contains the stem. */
  vocabularyHas(stem: string, reportIds?: string[]): boolean {
    // Unrestricted, the document-frequency table is the whole vocabulary: one lookup instead of one per report.
    if (!reportIds) return this.documentFrequency.has(stem);
    return reportIds.some((id) => this.reportVocabulary.get(id)?.has(stem));
  }

  /** In more than half of all sentences: such a word barely ranks anything, and is what makes BM25 slow. */
  isCommon(stem: string): boolean {
    return (this.documentFrequency.get(stem) ?? 0) > this.sentenceCount / 2;
  }

  /** Stems of the given reports' vocabulary (for near-miss spelling checks). */
  *vocabulary(reportIds?: string[]): Iterable<string> {
    if (!reportIds) {
      yield* this.documentFrequency.keys();
      return;
    }
    const seen = new Set<string>();
    for (const id of reportIds) {
      for (const stem of this.reportVocabulary.get(id) ?? []) {
        if (!seen.has(stem)) {
          seen.add(stem);
          yield stem;
        }
      }
    }
  }
}

function indexSentences(stored: StoredReport, report: ReportRecord): IndexedSentence[] {
  return stored.sentences.map((sentence, i) => ({
    sentence,
    report,
    vector: stored.sentenceVectors[i]!,
    stems: new Set(stems(sentence.text)),
  }));
}
