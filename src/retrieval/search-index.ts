import { LRUCache } from "lru-cache";
import { parseSentenceId, sentenceId } from "../core/sentence-id.js";
import { TopK } from "../core/top-k.js";
import { lexicalStats, type LexicalStats, scorePostings } from "../index/bm25.js";
import type { IndexGeneration } from "../index/index-files.js";
import { dequantize } from "../index/quantize.js";
import type { ChunkRecord, ReportRecord, SentenceRecord } from "../index/records.js";
import { stems } from "../text/terms.js";
import { ReportNames } from "./report-names.js";

export interface IndexedSentence {
  sentence: SentenceRecord;
  report: ReportRecord;
  vector: Float32Array;
  stems: Set<string>;
}

/** Where a report lives: its segment and its position there. */
interface ReportPlace {
  segment: number;
  report: number;
  record: ReportRecord;
}

// Reports whose sentences were materialised recently; a question touches the few reports of its top chunks.
const CACHED_REPORTS = 256;

/**
 * The live index in memory: the generation's segments used in place (typed arrays, one string table each), plus
 * sentence-level document frequencies for weighting question terms. Sentences, chunks and their stems are materialised
 * only for the reports a question reaches.
 */
export class SearchIndex {
  readonly sentenceCount: number;
  private readonly places = new Map<string, ReportPlace>();
  /** First label of each segment, and the total after the last. */
  private readonly labelBase: Uint32Array;
  private readonly documentFrequency = new Map<string, number>();
  private readonly lexical: LexicalStats;
  private readonly materialised = new LRUCache<string, IndexedSentence[]>({ max: CACHED_REPORTS });
  private readonly reportNames = new LRUCache<string, ReportNames>({ max: CACHED_REPORTS });
  /** Per segment, each chunk's place in (report id, chunk position) order: ties broken the same however reports are split. */
  private readonly order: Float64Array[];

  constructor(readonly generation: IndexGeneration) {
    const records = new Map(generation.manifest.reports.map((r) => [r.id, r]));
    const segments = generation.segments;
    this.labelBase = new Uint32Array(segments.length + 1);
    let sentences = 0;
    segments.forEach(({ segment, live }, s) => {
      this.labelBase[s + 1] = this.labelBase[s]! + segment.chunkReport.length;
      const counts = new Uint32Array(segment.terms.length);
      const { sentenceTermOffsets, sentenceTermIds } = segment.columns;
      segment.reportIds.forEach((id, r) => {
        if (!live[r]) return;
        this.places.set(id, { segment: s, report: r, record: records.get(id)! });
        const from = segment.sentenceBase[r]!;
        const to = segment.sentenceBase[r + 1]!;
        sentences += to - from;
        for (let i = sentenceTermOffsets[from]!; i < sentenceTermOffsets[to]!; i++) counts[sentenceTermIds[i]!]!++;
      });
      counts.forEach((n, t) => {
        if (n > 0) this.documentFrequency.set(segment.terms[t]!, (this.documentFrequency.get(segment.terms[t]!) ?? 0) + n);
      });
    });
    this.sentenceCount = sentences;
    this.lexical = lexicalStats(segments);
    const rank = new Map([...this.places.keys()].sort().map((id, i) => [id, i]));
    this.order = segments.map(({ segment }) =>
      Float64Array.from(segment.chunkReport, (r, c) => (rank.get(segment.reportIds[r]!) ?? -1) * 2 ** 20 + (c - segment.chunkBase[r]!)),
    );
  }

  get reports(): ReportRecord[] {
    return this.generation.manifest.reports;
  }

  hasReport(id: string): boolean {
    return this.places.has(id);
  }

  /** The full text of a live report (citations are checked against it). */
  reportText(id: string): string | undefined {
    const place = this.places.get(id);
    return place && this.generation.segments[place.segment]!.segment.texts[place.report];
  }

  sentence(id: string): IndexedSentence | undefined {
    const parsed = parseSentenceId(id);
    return parsed && this.sentencesOf(parsed.reportId)[parsed.index];
  }

  sentencesOf(reportId: string): IndexedSentence[] {
    const cached = this.materialised.get(reportId);
    if (cached) return cached;
    const place = this.places.get(reportId);
    if (!place) return [];
    const { segment } = this.generation.segments[place.segment]!;
    const { columns: col, dimensions: dims } = segment;
    const text = segment.texts[place.report]!;
    const from = segment.sentenceBase[place.report]!;
    const to = segment.sentenceBase[place.report + 1]!;
    const list: IndexedSentence[] = [];
    for (let s = from; s < to; s++) {
      const start = col.sentenceStart[s]!;
      const end = col.sentenceEnd[s]!;
      const index = s - from;
      list.push({
        sentence: { id: sentenceId(reportId, index), reportId, index, text: text.slice(start, end), start, end },
        report: place.record,
        vector: dequantize(col.sentenceVectors, col.sentenceScale, s, dims),
        stems: new Set(Array.from(col.sentenceTermIds.subarray(col.sentenceTermOffsets[s]!, col.sentenceTermOffsets[s + 1]!), (t) => segment.terms[t]!)),
      });
    }
    this.materialised.set(reportId, list);
    return list;
  }

  /** The names a report uses with their aliases, worked out on first use (it reads WordNet). */
  names(reportId: string): ReportNames {
    let names = this.reportNames.get(reportId);
    if (!names) {
      names = new ReportNames(this.reportText(reportId) ?? "", new Set(this.vocabulary([reportId])));
      this.reportNames.set(reportId, names);
    }
    return names;
  }

  /** The chunk with this label (its position over all segments, in segment order) and its report. */
  chunkAt(label: number): { chunk: ChunkRecord; report: ReportRecord } {
    const s = this.segmentOf(label);
    const { segment } = this.generation.segments[s]!;
    const c = label - this.labelBase[s]!;
    const r = segment.chunkReport[c]!;
    const reportId = segment.reportIds[r]!;
    const base = segment.sentenceBase[r]!;
    const firstSentence = segment.columns.chunkFirst[c]! - base;
    const lastSentence = segment.columns.chunkLast[c]! - base;
    const sentences = this.sentencesOf(reportId);
    return {
      chunk: {
        id: `${reportId}@${c - segment.chunkBase[r]!}`,
        reportId,
        firstSentence,
        lastSentence,
        text: sentences.slice(firstSentence, lastSentence + 1).map((x) => x.sentence.text).join(" "),
      },
      report: this.places.get(reportId)!.record,
    };
  }

  /** Nearest chunks by inner product over every segment's graph, best first; ties in chunk order of reports. */
  searchVectors(query: ArrayLike<number>, k: number, reportIds?: string[]): Array<{ label: number; similarity: number }> {
    const allowed = this.allowedReports(reportIds);
    const hits: Array<{ label: number; similarity: number }> = [];
    this.generation.segments.forEach(({ segment }, s) => {
      const filter = allowed ? (c: number) => allowed[s]!.has(segment.chunkReport[c]!) : undefined;
      if (allowed && allowed[s]!.size === 0) return;
      for (const h of segment.graph.search(query, k, filter)) hits.push({ label: this.labelBase[s]! + h.label, similarity: h.similarity });
    });
    const best = new TopK<{ label: number; similarity: number }>(k, (h) => h.similarity, (h) => this.chunkOrder(h.label));
    for (const h of hits) best.add(h);
    return best.items;
  }

  /** BM25+ over chunks; `skipTerm` leaves query terms out (their cost grows with the chunks they are in). */
  searchLexical(query: string, k: number, reportIds?: string[], skipTerm?: (stem: string) => boolean): Array<{ label: number; score: number }> {
    const terms = stems(query).filter((t) => !skipTerm?.(t));
    const allowed = this.allowedReports(reportIds);
    const scored = scorePostings(this.generation.segments, this.lexical, terms, allowed && ((s, r) => allowed[s]!.has(r)));
    // Straight from the score arrays into the top k: most matched chunks never become objects.
    const best = new TopK<{ label: number; score: number }>(k, (h) => h.score, (h) => this.chunkOrder(h.label));
    scored.forEach((acc, s) => {
      if (!acc) return;
      const { scores, matched } = acc;
      for (let c = 0; c < scores.length; c++) {
        if (!matched[c]) continue;
        const score = scores[c]! * matched[c]!;
        if (best.admits(score)) best.add({ label: this.labelBase[s]! + c, score });
      }
    });
    return best.items;
  }

  /** Inverse document frequency over sentences: rare words weigh more as evidence. */
  idf(stem: string): number {
    const df = this.documentFrequency.get(stem) ?? 0;
    const n = this.sentenceCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Whether any of the reports (all when unrestricted) contains the stem. */
  vocabularyHas(stem: string, reportIds?: string[]): boolean {
    if (!reportIds) return this.documentFrequency.has(stem);
    return reportIds.some((id) => this.sentencesOf(id).some((s) => s.stems.has(stem)));
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
      for (const s of this.sentencesOf(id)) {
        for (const stem of s.stems) {
          if (!seen.has(stem)) {
            seen.add(stem);
            yield stem;
          }
        }
      }
    }
  }

  private segmentOf(label: number): number {
    let lo = 0;
    let hi = this.labelBase.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.labelBase[mid]! <= label) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A label's order among equal scores: by report id, then chunk position, the same however reports are split in segments. */
  chunkOrder(label: number): number {
    const s = this.segmentOf(label);
    return this.order[s]![label - this.labelBase[s]!]!;
  }

  private allowedReports(reportIds?: string[]): Array<Set<number>> | undefined {
    if (!reportIds) return undefined;
    const allowed = this.generation.segments.map(() => new Set<number>());
    for (const id of reportIds) {
      const place = this.places.get(id);
      if (place) allowed[place.segment]!.add(place.report);
    }
    return allowed;
  }
}
