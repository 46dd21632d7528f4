import { beforeAll, describe, expect, it } from "vitest";
import { createRetriever, type Retrieve } from "../../../src/retrieval/retrieve.js";
import type { SearchIndex } from "../../../src/retrieval/search-index.js";
import { memoryIndex, testEmbeddings } from "../../helpers/memory-index.js";

const HARBOUR =
  "Dock workers in Valparaiso began a strike on Thursday over unpaid wages. The port authority said 14 ships were waiting offshore. " +
  "Union leader Marta Rojas said the workers would stay out until every wage was paid. The government called for calm.";
const ORCHARD =
  "A late frost damaged apple orchards across the Bekaa valley in April. Farmers estimated that half of the harvest was lost. " +
  "The agriculture ministry promised compensation within three months.";

let index: SearchIndex;
let retrieve: Retrieve;
beforeAll(async () => {
  index = await memoryIndex({ harbour: HARBOUR, orchard: ORCHARD });
  retrieve = createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 });
});

describe("retrieve", () => {
  it("ranks the sentence that answers first, with the evidence it was judged on", async () => {
    const r = await retrieve("How many ships were waiting offshore?");
    expect(r.candidates[0]?.sentence.text).toBe("The port authority said 14 ships were waiting offshore.");
    expect(r.candidates[0]?.features.similarity).toBeGreaterThan(0.3);
    expect(r.judgement.answerable).toBe(true);
    expect(r.timings.embedMs).toBeGreaterThan(0);
    const scores = r.candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("judges a question about someone the reports never mention unanswerable", async () => {
    const r = await retrieve("What did Gabriel Boric say about the strike?");
    expect(r.judgement.answerable).toBe(false);
  });

  it("keeps to the reports it is given", async () => {
    const r = await retrieve("When did the strike begin?", { reportIds: ["orchard"] });
    expect(r.candidates.every((c) => c.report.id === "orchard")).toBe(true);
  });

  it("gives the sentences around a candidate from the same index, in reading order", async () => {
    const r = await retrieve("How many ships were waiting offshore?");
    const around = r.around(r.candidates[0]!.sentence, 1, 1).map((s) => s.index);
    expect(around).toEqual([0, 1, 2]);
  });
});
