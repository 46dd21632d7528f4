import { beforeAll, describe, expect, it } from "vitest";
import { candidatePool } from "../../../src/retrieval/candidate-pool.js";
import { sentenceFeatures } from "../../../src/retrieval/features.js";
import { hybridSearch } from "../../../src/retrieval/hybrid-search.js";
import { analyseQuestion } from "../../../src/retrieval/question-analysis.js";
import type { SearchIndex } from "../../../src/retrieval/search-index.js";
import { memoryIndex, testEmbeddings } from "../../helpers/memory-index.js";

// Chunks are three sentences with one of overlap: the parade sentence is in the last chunk only.
const CUP =
  "Harlow Athletic won the National Cup on Saturday, beating Port Ellery Rovers 3-1. Marco Vellucci scored twice in the first half. " +
  "The crowd of 78,406 was the largest for a domestic final. Rovers goalkeeper Callum Reid saved a penalty before the break. " +
  "Harlow will hold a parade through the town on Monday afternoon.";
const ORCHARD = "A late frost damaged apple orchards across the Bekaa valley in April. Farmers estimated that half of the harvest was lost.";

let index: SearchIndex;
beforeAll(async () => {
  index = await memoryIndex({ cup: CUP, orchard: ORCHARD });
});

const poolFor = async (question: string, k: number, extra: number) => {
  const vector = await testEmbeddings().embedQuery(question);
  const hits = hybridSearch(index, analyseQuestion(question).lexicalQuery, vector, k);
  return { vector, hits, pool: candidatePool(index, vector, hits, extra) };
};

describe("candidate pool", () => {
  it("adds the reached reports' sentences closest to the question beyond the retrieved chunks, each once", async () => {
    const { hits, pool } = await poolFor("When is the victory procession through the town?", 1, 2);
    expect(hits).toHaveLength(1);
    const fromChunks = pool.filter((p) => p.chunkRank !== undefined);
    const added = pool.filter((p) => p.chunkRank === undefined);
    expect(fromChunks.length).toBeGreaterThan(0);
    expect(added).toHaveLength(2);
    expect(new Set(pool.map((p) => p.sentence.sentence.id)).size).toBe(pool.length);
    expect(pool.every((p) => p.sentence.report.id === index.chunkAt(hits[0]!.label).report.id)).toBe(true);
    // Whichever chunk was retrieved, the parade sentence is a candidate.
    expect(pool.some((p) => p.sentence.sentence.text.includes("parade"))).toBe(true);
  });

  it("adds nothing when asked for no extra sentences", async () => {
    const { pool } = await poolFor("Who scored twice?", 2, 0);
    expect(pool.every((p) => p.chunkRank !== undefined)).toBe(true);
  });

  it("credits a word one WordNet relation away, and the similarity of a sentence's neighbours", async () => {
    const question = analyseQuestion("When is the victory procession?");
    const { vector, pool } = await poolFor(question.text, 3, 10);
    const featured = sentenceFeatures(index, question, vector, pool);
    const parade = featured.find((f) => f.sentence.text.includes("parade"))!;
    const crowd = featured.find((f) => f.sentence.text.includes("crowd"))!;
    // A parade is a kind of procession (a WordNet hyponym): neither the same stem nor a synonym.
    expect(parade.features.focusSentence).toBe(0);
    expect(parade.features.relatedFocus).toBeGreaterThan(0);
    expect(crowd.features.relatedFocus).toBe(0);
    const similarity = new Map(featured.filter((f) => f.report.id === "cup").map((f) => [f.sentence.index, f.features.similarity]));
    expect(crowd.features.neighbourSimilarity).toBeCloseTo(Math.max(similarity.get(1)!, similarity.get(3)!), 5);
  });
});
