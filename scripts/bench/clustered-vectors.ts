import { chunkSentences } from "../../src/text/chunk-sentences.js";
import { SeededRandom } from "./seeded-random.js";

/**
 * Synthetic embeddings with the structure real ones have: a component shared by everything (embedders are
 * anisotropic), a topic component shared by related reports, a report component shared by its sentences, and
 * per-sentence noise. Uniform random vectors would be a worst case with near-zero recall; this is not.
 *
 * Squared weights are the cosine between two sentences that share that much: unrelated ≈ 0.10, same topic ≈ 0.30,
 * same report ≈ 0.50. Chunk vectors are the normalised mean of their sentences, as ingest makes them.
 */
const WEIGHTS = { global: Math.sqrt(0.1), topic: Math.sqrt(0.2), report: Math.sqrt(0.2), sentence: Math.sqrt(0.5) };
const REPORTS_PER_TOPIC = 25;

export interface SyntheticReportVectors {
  sentenceVectors: Float32Array[];
  chunkVectors: Float32Array[];
}

export class ClusteredVectorSpace {
  private readonly random: SeededRandom;
  private readonly global: Float32Array;
  private readonly topics: Float32Array[] = [];
  private readonly reports: Array<{ topic: number; direction: Float32Array }> = [];

  constructor(
    readonly dimensions: number,
    seed: number,
  ) {
    this.random = new SeededRandom(seed);
    this.global = this.unitVector();
  }

  /** Vectors for one more report: `sentences` sentence vectors and the chunk vectors ingest would derive. */
  addReport(sentences: number, chunking: { sentences: number; overlap: number }): SyntheticReportVectors {
    if (this.reports.length % REPORTS_PER_TOPIC === 0 || this.topics.length === 0) this.topics.push(this.unitVector());
    // Reports join a random existing topic so topics interleave in label order, as they would in a real corpus.
    const topic = this.random.int(0, this.topics.length - 1);
    const report = { topic, direction: this.unitVector() };
    this.reports.push(report);
    const sentenceVectors = Array.from({ length: sentences }, () => this.sentenceOf(report));
    const chunkVectors = chunkSentences(sentences, chunking.sentences, chunking.overlap).map((w) =>
      normalized(mean(sentenceVectors.slice(w.first, w.last + 1))),
    );
    return { sentenceVectors, chunkVectors };
  }

  /** A query about a random report already added: a new sentence drawn the way that report's sentences were. */
  query(): Float32Array {
    return this.sentenceOf(this.random.pick(this.reports));
  }

  private sentenceOf(report: { topic: number; direction: Float32Array }): Float32Array {
    const noise = this.unitVector();
    const topic = this.topics[report.topic]!;
    const v = new Float32Array(this.dimensions);
    for (let i = 0; i < v.length; i++) {
      v[i] = WEIGHTS.global * this.global[i]! + WEIGHTS.topic * topic[i]! + WEIGHTS.report * report.direction[i]! + WEIGHTS.sentence * noise[i]!;
    }
    return normalized(v);
  }

  private unitVector(): Float32Array {
    const v = new Float32Array(this.dimensions);
    for (let i = 0; i < v.length; i++) v[i] = this.random.gaussian();
    return normalized(v);
  }
}

function mean(vectors: Float32Array[]): Float32Array {
  const out = new Float32Array(vectors[0]!.length);
  for (const v of vectors) for (let i = 0; i < out.length; i++) out[i]! += v[i]!;
  return out;
}

function normalized(v: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}
