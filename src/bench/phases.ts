import { stat } from "node:fs/promises";
import path from "node:path";
import { type Config, loadConfig } from "../config.js";
import { LocalUseEmbeddings } from "../embeddings/local-use-embeddings.js";
import { chunksInLabelOrder, currentGenerationDir, readGeneration } from "../index/index-files.js";
import { ingestPaths } from "../index/ingest.js";
import { HNSW_PARAMS, VectorIndex } from "../index/vector-index.js";
import { silentLogger } from "../logger.js";
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
}

export async function ingestPhase(args: IngestPhaseArgs) {
  const config = loadConfig(benchEnv(args));
  const embeddings = new LocalUseEmbeddings();
  const ctx = { config, embeddings, logger: silentLogger };
  const modelLoad = await timed(() => embeddings.embedQuery("warm up"));
  const first = await timed(() => ingestPaths([args.corpusDir], ctx));
  const sentences = first.value.reports.reduce((n, r) => n + r.sentences, 0);
  const chunks = first.value.reports.reduce((n, r) => n + r.chunks, 0);
  const generation = (await currentGenerationDir(config.indexDir))!;
  const indexBytes = await folderBytes(generation);
  const again = await timed(() => ingestPaths([args.corpusDir], ctx));
  if (again.value.changed) throw new Error("re-ingest of an unchanged corpus rewrote the index");
  return {
    reports: first.value.reports.length,
    sentences,
    chunks,
    modelLoadMs: modelLoad.ms,
    ingestMs: first.ms,
    reingestMs: again.ms,
    indexBytes,
    peakRssMb: peakRssMb(),
    realVectors: args.probeQueries > 0 ? await realVectorProbe(config, embeddings, args) : undefined,
  };
}

/** hnswlib against exact search on real USE vectors (the chunks just ingested, questions embedded for real). */
async function realVectorProbe(config: Config, embeddings: LocalUseEmbeddings, args: IngestPhaseArgs) {
  const generation = await readGeneration(config.indexDir);
  const rows = chunksInLabelOrder(generation.manifest, generation.reports).map((c) => c.vector);
  const dims = generation.vectors.dimensions;
  const random = new SeededRandom(args.seed);
  const questions = Array.from({ length: args.probeQueries }, () => generateQuestion(random));
  const queries = (await embeddings.embedDocuments(questions)).map((v) => Float32Array.from(v));
  return { chunks: rows.length, ...(await sweepEf(ExactSearch.fromRows(rows, dims), path.join(generation.dir, "chunks.hnsw"), queries, args.efSweep)) };
}

/** The product's efSearch and the alternatives, each scored against one exact baseline over the same queries. */
async function sweepEf(exact: ExactSearch, hnswFile: string, queries: Float32Array[], efSweep: number[]) {
  const baseline = exactBaseline(exact, queries);
  const sweep = [];
  for (const ef of [...new Set([...efSweep, HNSW_PARAMS.efSearch])].sort((a, b) => a - b)) {
    const index = await VectorIndex.read(hnswFile, exact.dimensions, ef);
    sweep.push({ efSearch: ef, ...hnswAgainst(index, queries, baseline.truth) });
  }
  const product = { ...sweep.find((s) => s.efSearch === HNSW_PARAMS.efSearch)!, exact: baseline.summary };
  return { product, sweep };
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

function hnswAgainst(index: VectorIndex, queries: Float32Array[], truth: number[][]) {
  for (const q of queries.slice(0, 20)) index.search(q, K);
  const ms: number[] = [];
  let recall = 0;
  queries.forEach((q, i) => {
    const t0 = performance.now();
    const found = index.search(q, K);
    ms.push(performance.now() - t0);
    recall += recallAt(truth[i]!, found.map((h) => h.label));
  });
  return { recallAt10: recall / queries.length, hnsw: summarize(ms) };
}

export interface RetrievalPhaseArgs {
  chunks: number;
  indexDir: string;
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
  });
  const exact = ExactSearch.fromRows(built.chunkVectors, built.space.dimensions);
  const queries = Array.from({ length: args.queries }, () => built.space.query());
  const file = path.join((await currentGenerationDir(args.indexDir))!, "chunks.hnsw");
  const { product, sweep } = await sweepEf(exact, file, queries, args.efSweep);
  return {
    chunks: built.chunks,
    reports: built.reports,
    sentences: built.sentences,
    params: HNSW_PARAMS,
    writeGenerationMs: built.writeMs,
    hnswBytes: (await stat(file)).size,
    indexBytes: await folderBytes((await currentGenerationDir(args.indexDir))!),
    product,
    sweep,
    peakRssMb: peakRssMb(),
  };
}

export type IngestPhaseResult = Awaited<ReturnType<typeof ingestPhase>>;
export type RetrievalPhaseResult = Awaited<ReturnType<typeof retrievalPhase>>;
