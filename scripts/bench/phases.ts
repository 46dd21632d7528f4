import { stat } from "node:fs/promises";
import path from "node:path";
import { type Config, loadConfig } from "../../src/config.js";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { loadIndex } from "../../src/engine/load-index.js";
import { removeReports } from "../../src/engine/remove-report.js";
import { createEmbeddingPool, type EmbeddingPool } from "../../src/index/embedding-pool.js";
import { readGeneration } from "../../src/index/index-files.js";
import { SEGMENT_FILES } from "../../src/index/segment.js";
import { ingestPaths } from "../../src/index/ingest.js";
import { dequantize, quantize } from "../../src/index/quantize.js";
import { HNSW_PARAMS, VectorIndex } from "../../src/index/vector-index.js";
import { LocalIndexStore } from "../../src/store/local-index-store.js";
import { silentLogger } from "../../src/logger.js";
import { benchEnv } from "./bench-env.js";
import { generateQuestion } from "./corpus-generator.js";
import { ExactSearch, recallAt } from "./exact-search.js";
import { SeededRandom } from "./seeded-random.js";
import { summarize } from "./stats.js";
import { writeSyntheticIndex } from "./synthetic-index.js";
import { folderBytes, peakRssMb, timed } from "./timers.js";

/*
 * Each phase runs in its own child process (see child-phase.ts) so that its peak RSS is its own and a model or index
 * loaded by one phase cannot make the next look faster. The engine phase is in engine-phase.ts.
 */

const K = 10;

export interface IngestPhaseArgs {
  corpusDir: string;
  indexDir: string;
  dataDir: string;
  /** Also measure hnswlib against exact search on the real embeddings this ingest produced, with this many questions. */
  probeQueries: number;
  efSweep: number[];
  seed: number;
  /** Embedding worker threads (INGEST_WORKERS); 1 embeds in the phase's own thread. */
  workers: number;
}

export async function ingestPhase(args: IngestPhaseArgs) {
  const config = loadConfig(benchEnv(args));
  const embeddings = new LocalUseEmbeddings();
  // The sentence vectors as the model gave them, to measure what storing them as int8 costs.
  const captured: number[][] = [];
  const pool = args.workers > 1 ? createEmbeddingPool(config, args.workers) : undefined;
  const recording: EmbeddingPool = {
    size: args.workers,
    embedDocuments: async (texts) => {
      const vectors = await (pool ?? embeddings).embedDocuments(texts);
      captured.push(...vectors);
      return vectors;
    },
    close: async () => pool?.close(),
  };
  const ctx = { config, embeddings, pool: recording, logger: silentLogger };
  // Every worker loads its model before timing starts, as the single thread does.
  const modelLoad = await timed(async () => {
    if (pool) await Promise.all(Array.from({ length: args.workers }, () => pool.embedDocuments(["warm up"])));
    else await embeddings.embedQuery("warm up");
  });
  const first = await timed(() => ingestPaths([args.corpusDir], ctx));
  await pool?.close();
  const sentences = first.value.reports.reduce((n, r) => n + r.sentences, 0);
  const chunks = first.value.reports.reduce((n, r) => n + r.chunks, 0);
  const indexBytes = await folderBytes(config.indexDir);
  const again = await timed(() => ingestPaths([args.corpusDir], ctx));
  if (again.value.changed) throw new Error("re-ingest of an unchanged corpus rewrote the index");
  return {
    reports: first.value.reports.length,
    sentences,
    chunks,
    workers: args.workers,
    modelLoadMs: modelLoad.ms,
    ingestMs: first.ms,
    reingestMs: again.ms,
    indexBytes,
    peakRssMb: peakRssMb(),
    realVectors: args.probeQueries > 0 ? await realVectorProbe(config, embeddings, args) : undefined,
    quantization: args.probeQueries > 0 ? await quantizationProbe(captured, embeddings, args) : undefined,
  };
}

/**
 * What int8 sentence vectors cost: for generated questions against every sentence of the corpus, the cosine error and
 * how many of the 10 most similar sentences by float32 vectors are still the 10 most similar by int8 ones.
 */
async function quantizationProbe(sentences: number[][], embeddings: LocalUseEmbeddings, args: IngestPhaseArgs) {
  const dims = sentences[0]!.length;
  const q = quantize(sentences);
  const int8 = sentences.map((_, i) => dequantize(q.values, q.scales, i, dims));
  const random = new SeededRandom(args.seed + 7);
  const questions = await embeddings.embedDocuments(Array.from({ length: args.probeQueries }, () => generateQuestion(random)));
  let maxError = 0;
  let sumError = 0;
  let recall = 0;
  const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    let sum = 0;
    for (let i = 0; i < dims; i++) sum += a[i]! * b[i]!;
    return sum;
  };
  const top = (scores: number[]) => scores.map((x, i) => [x, i] as const).sort((a, b) => b[0] - a[0]).slice(0, K).map(([, i]) => i);
  for (const question of questions) {
    const exact = sentences.map((v) => dot(question, v));
    const approx = int8.map((v) => dot(question, v));
    exact.forEach((x, i) => {
      const error = Math.abs(x - approx[i]!);
      maxError = Math.max(maxError, error);
      sumError += error;
    });
    recall += recallAt(top(exact), top(approx));
  }
  return { sentences: sentences.length, queries: questions.length, maxCosineError: maxError, meanCosineError: sumError / (questions.length * sentences.length), recallAt10: recall / questions.length };
}

/** hnswlib against exact search on real USE vectors (the chunks just ingested, questions embedded for real). */
async function realVectorProbe(config: Config, embeddings: LocalUseEmbeddings, args: IngestPhaseArgs) {
  const generation = await readGeneration(config.indexDir);
  if (generation.segments.length !== 1) throw new Error(`expected one segment after a first ingest, found ${generation.segments.length}`);
  const { segment } = generation.segments[0]!;
  const rows = Array.from({ length: segment.graph.size }, (_, c) => segment.graph.vector(c));
  const dims = segment.dimensions;
  const random = new SeededRandom(args.seed);
  const questions = Array.from({ length: args.probeQueries }, () => generateQuestion(random));
  const queries = (await embeddings.embedDocuments(questions)).map((v) => Float32Array.from(v));
  return { chunks: rows.length, ...(await sweepEf(ExactSearch.fromRows(rows, dims), [path.join(config.indexDir, "segments", segment.name, "chunks.hnsw")], queries, args.efSweep)) };
}

/**
 * The product's efSearch and the alternatives, each scored against one exact baseline over the same queries. The
 * segments' graphs (files in segment order) are searched together as the engine searches them: the best k of each,
 * labelled on from the chunks of the segments before it, and the best k of those.
 */
async function sweepEf(exact: ExactSearch, hnswFiles: string[], queries: Float32Array[], efSweep: number[]) {
  const baseline = exactBaseline(exact, queries);
  const sweep = [];
  for (const ef of [...new Set([...efSweep, HNSW_PARAMS.efSearch])].sort((a, b) => a - b)) {
    // The graphs themselves, however small: the sweep measures their recall, not the exact scan small segments get.
    const graphs = await Promise.all(hnswFiles.map((file) => VectorIndex.read(file, exact.dimensions, ef, 0)));
    sweep.push({ efSearch: ef, ...hnswAgainst(graphs, queries, baseline.truth) });
    // V8 sees only a small wrapper of a graph hnswlib holds natively (2 GB at a million chunks): free each before the next.
    graphs.length = 0;
    await releaseUnreachable();
  }
  const scan = exact.size <= SCAN_TIMED_UP_TO ? await scanAgainst(hnswFiles, exact.dimensions, queries, baseline.truth) : undefined;
  const product = { ...sweep.find((s) => s.efSearch === HNSW_PARAMS.efSearch)!, exact: baseline.summary, scan };
  return { product, sweep };
}

/*
 * The exact scan a segment of at most EXACT_SEARCH_MAX_CHUNKS gets instead of its graph, timed on every size up to
 * this: beyond it the scan's copy of the vectors (2 GB at a million chunks) would swell the phase's peak RSS.
 */
const SCAN_TIMED_UP_TO = 100_000;

/** `VectorIndex`'s own scan of the graphs' vectors, whatever their size: latency and recall against the baseline. */
async function scanAgainst(hnswFiles: string[], dimensions: number, queries: Float32Array[], truth: number[][]) {
  const graphs = await Promise.all(hnswFiles.map((file) => VectorIndex.read(file, dimensions, HNSW_PARAMS.efSearch, Number.POSITIVE_INFINITY)));
  const { recallAt10, hnsw } = hnswAgainst(graphs, queries, truth);
  graphs.length = 0;
  await releaseUnreachable();
  return { recallAt10, ...hnsw };
}

/** A full garbage collection when the phase child can ask for one (child-phase.ts starts it with --expose-gc), then one turn for finalizers. */
async function releaseUnreachable(): Promise<void> {
  globalThis.gc?.();
  await new Promise((resolve) => setImmediate(resolve));
}

/** Exact top-k and its latency per query: the ground truth every hnswlib setting is scored against. */
function exactBaseline(exact: ExactSearch, queries: Float32Array[]) {
  // One untimed pass so the scan is JIT-compiled and the matrix is in cache before timing.
  for (const q of queries.slice(0, 5)) exact.search(q, K);
  const ms: number[] = [];
  const truth = queries.map((q) => {
    const t0 = performance.now();
    const labels = exact.search(q, K);
    ms.push(performance.now() - t0);
    return labels;
  });
  return { truth, summary: summarize(ms) };
}

function hnswAgainst(graphs: VectorIndex[], queries: Float32Array[], truth: number[][]) {
  const bases = graphs.map((_, s) => graphs.slice(0, s).reduce((n, g) => n + g.size, 0));
  const search = (q: Float32Array) =>
    graphs
      .flatMap((g, s) => g.search(q, K).map((h) => ({ label: bases[s]! + h.label, similarity: h.similarity })))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, K);
  for (const q of queries.slice(0, 20)) search(q);
  const ms: number[] = [];
  let recall = 0;
  queries.forEach((q, i) => {
    const t0 = performance.now();
    const found = search(q);
    ms.push(performance.now() - t0);
    recall += recallAt(truth[i]!, found.map((h) => h.label));
  });
  return { recallAt10: recall / queries.length, hnsw: summarize(ms) };
}

export interface RetrievalPhaseArgs {
  chunks: number;
  indexDir: string;
  sourcesDir: string;
  queries: number;
  efSweep: number[];
  seed: number;
}

/** hnswlib through our VectorIndex (product parameters) beside an exact scan, on clustered synthetic vectors. */
export async function retrievalPhase(args: RetrievalPhaseArgs) {
  const built = await writeSyntheticIndex({
    indexDir: args.indexDir,
    chunks: args.chunks,
    seed: args.seed,
    embedder: new LocalUseEmbeddings().embedder,
    chunking: { sentences: 3, overlap: 1 },
    sourcesDir: args.sourcesDir,
  });
  const exact = new ExactSearch(built.chunkMatrix, built.space.dimensions);
  const queries = Array.from({ length: args.queries }, () => built.space.query());
  const { manifest } = await readGeneration(args.indexDir);
  const dirs = manifest.segments.map((s) => path.join(args.indexDir, "segments", s.name));
  const { product, sweep } = await sweepEf(exact, dirs.map((d) => path.join(d, "chunks.hnsw")), queries, args.efSweep);
  const bytes = async (file: string) => Promise.all(dirs.map(async (d) => (await stat(path.join(d, file))).size));
  return {
    chunks: built.chunks,
    reports: built.reports,
    sentences: built.sentences,
    params: HNSW_PARAMS,
    segments: manifest.segments.map((s) => s.chunks),
    writeGenerationMs: built.writeMs,
    hnswBytes: (await bytes("chunks.hnsw")).reduce((n, b) => n + b, 0),
    // Of the largest segment: what one read must take.
    segmentFileBytes: Object.fromEntries(await Promise.all(SEGMENT_FILES.map(async (f) => [f, Math.max(...(await bytes(f)))] as const))),
    indexBytes: await folderBytes(args.indexDir),
    product,
    sweep,
    peakRssMb: peakRssMb(),
  };
}

export interface UpdatePhaseArgs {
  indexDir: string;
  dataDir: string;
  corpusDir: string;
  /** Source files of the index's reports: one is changed and one removed. */
  sourcesDir: string;
  /** A new report to add. */
  newReport: string;
}

/**
 * Incremental updates of a large index in a fresh process, as the ingest child does them (the model loaded first and
 * timed apart): add a report, change one, remove one; and reloading the index after each, as the serving process does.
 */
export async function updatePhase(args: UpdatePhaseArgs) {
  const config = loadConfig(benchEnv(args));
  const embeddings = new LocalUseEmbeddings();
  const ctx = { config, embeddings, logger: silentLogger };
  const store = new LocalIndexStore(config.indexDir, config.corpusDir);
  const modelLoad = await timed(() => embeddings.embedQuery("warm up"));
  const add = await timed(() => ingestPaths([args.newReport], ctx));
  const reloadAfterAdd = await timed(() => loadIndex(store, embeddings));
  const [changed, removed] = (await readdir(args.sourcesDir)).sort().slice(0, 2).map((f) => path.join(args.sourcesDir, f));
  await writeFile(changed!, `${await readFile(changed!, "utf8")} A late correction was added to this report.`);
  const change = await timed(() => ingestPaths([changed!], ctx));
  // As `npm run remove` and /remove do it: the report leaves its segment's live list; its source file is not in the corpus.
  const remove = await timed(() => removeReports([path.basename(removed!, ".txt")], config, store, ctx.logger));
  const reloadAfterRemove = await timed(() => loadIndex(store, embeddings));
  const after = await readGeneration(config.indexDir);
  if (!add.value.changed || !change.value.changed || after.manifest.reports.some((r) => r.id === remove.value[0]!.id)) throw new Error("an update did not change the index");
  return {
    reports: after.manifest.reports.length,
    segments: after.manifest.segments.map((s) => ({ chunks: s.chunks, live: s.reports.length })),
    modelLoadMs: modelLoad.ms,
    addMs: add.ms,
    addedSentences: add.value.reports[0]?.sentences ?? 0,
    changeMs: change.ms,
    removeMs: remove.ms,
    reloadMs: Math.max(reloadAfterAdd.ms, reloadAfterRemove.ms),
    peakRssMb: peakRssMb(),
  };
}

export type UpdatePhaseResult = Awaited<ReturnType<typeof updatePhase>>;
export type IngestPhaseResult = Awaited<ReturnType<typeof ingestPhase>>;
export type RetrievalPhaseResult = Awaited<ReturnType<typeof retrievalPhase>>;
