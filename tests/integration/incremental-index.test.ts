import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { readGeneration } from "../../src/index/index-files.js";
import { ingestPaths } from "../../src/index/ingest.js";
import { silentLogger } from "../../src/logger.js";
import { createRetriever } from "../../src/retrieval/retrieve.js";
import { SearchIndex } from "../../src/retrieval/search-index.js";
import { segmentSentences } from "../../src/text/segment-sentences.js";
import { SeededRandom } from "../../scripts/bench/seeded-random.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

const BANK = path.resolve("tests/fixtures/bank/reports");
const SOURCES = readdirSync(BANK)
  .sort()
  .slice(0, 6)
  .map((f) => ({ file: f, id: path.basename(f, path.extname(f)), sentences: segmentSentences(readFileSync(path.join(BANK, f), "utf8")).map((s) => s.text) }));
const QUESTIONS = [
  "Who mediated the ceasefire talks?",
  "How much did the city budget grow?",
  "What did the court rule about the pipeline?",
  "Who won the cup final?",
  "What did the soil study find?",
  "When did the flood emergency begin?",
];

/** The real model, each distinct sentence embedded once for the whole file: a rebuild then costs no model time. */
class RememberingEmbeddings extends LocalUseEmbeddings {
  private readonly cache = new Map<string, number[]>();

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const missing = [...new Set(texts.filter((t) => !this.cache.has(t)))];
    if (missing.length > 0) (await super.embedDocuments(missing)).forEach((v, i) => this.cache.set(missing[i]!, v));
    return texts.map((t) => this.cache.get(t)!);
  }
}
const embedder = new RememberingEmbeddings();

let ws: Workspace;
afterEach(() => ws.cleanup());

const ingestInto = (indexDir: string, options = {}) =>
  ingestPaths([ws.corpusDir], { config: loadConfig({ ...ws.env, INDEX_DIR: indexDir, LOG_LEVEL: "silent" }), embeddings: embedder, logger: silentLogger }, options);

/** What every question retrieves from an index: candidate sentences with their scores, and the judgement. */
async function answersOf(indexDir: string) {
  const index = new SearchIndex(await readGeneration(indexDir));
  const retrieve = createRetriever({ index: () => index, embedQuery: async (q) => (await embedder.embedDocuments([q]))[0]!, topK: 8 });
  const out = [];
  for (const q of QUESTIONS) {
    const r = await retrieve(q);
    const vector = (await embedder.embedDocuments([q]))[0]!;
    out.push({
      q,
      // BM25 and vector hits by chunk id, scores exact: segments and tombstones must not change them.
      lexical: index.searchLexical(q, 20).map((h) => [index.chunkAt(h.label).chunk.id, h.score]),
      vectors: index.searchVectors(vector, 20).map((h) => [index.chunkAt(h.label).chunk.id, h.similarity]),
      candidates: r.candidates.map((c) => [c.sentence.id, c.sentence.text, c.score]),
      judgement: r.judgement,
    });
  }
  return { reports: index.reports.map((r) => r.id).sort(), out };
}

describe("incremental index updates", () => {
  it("answer exactly as a full rebuild of the same corpus after every random add, change and remove", async () => {
    ws = makeWorkspace({ withFirstReport: false });
    const live = path.join(ws.root, "live-index");
    let steps = 0;
    let mostSegments = 0;
    let merges = 0;
    let tombstones = 0;
    for (const seed of [1, 2]) {
      const random = new SeededRandom(seed);
      // Whole reports first: a base segment large enough that small updates leave tombstones in it for a while.
      // The bank's own files, whose sentences other test files embed too: the run's encoder memo already holds them.
      for (const source of SOURCES) copyFileSync(path.join(BANK, source.file), path.join(ws.corpusDir, source.file));
      await ingestInto(live);
      for (let op = 0; op < 5; op++) {
        const source = random.pick(SOURCES);
        const file = path.join(ws.corpusDir, source.file);
        if (existsSync(file) && random.chance(0.35)) rmSync(file);
        else {
          // A window of the report's sentences: a new report, or a changed version of one already there.
          const from = random.int(0, Math.max(0, source.sentences.length - 4));
          writeFileSync(file, source.sentences.slice(from, from + random.int(1, 9)).join(" "));
        }
        const before = (await readGeneration(live).catch(() => undefined))?.manifest.segments.length ?? 0;
        await ingestInto(live);
        const { manifest } = await readGeneration(live);
        const segments = manifest.segments.length;
        const chunkCount = new Map(manifest.reports.map((r) => [r.id, r.chunkCount]));
        if (manifest.segments.some((s) => s.chunks > s.reports.reduce((n, id) => n + chunkCount.get(id)!, 0))) tombstones++;
        if (segments < before + 1 && before > 0) merges++;
        mostSegments = Math.max(mostSegments, segments);

        const rebuilt = path.join(ws.root, `rebuilt-${steps++}`);
        await ingestInto(rebuilt, { rebuild: true });
        expect((await readGeneration(rebuilt)).manifest.segments).toHaveLength(1);
        expect(await answersOf(live)).toEqual(await answersOf(rebuilt));
        rmSync(rebuilt, { recursive: true, force: true });
      }
    }
    // The sequences did exercise searching several segments at once, deleted reports still in segment files, and merges.
    expect(mostSegments).toBeGreaterThan(1);
    expect(tombstones).toBeGreaterThan(0);
    expect(merges).toBeGreaterThan(0);
    // A fixed number of operations; every step ingests twice and compares, on a shared 2-core machine.
  }, 300_000);
});
