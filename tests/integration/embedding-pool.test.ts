import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { BATCH } from "../../src/embeddings/local-use-embeddings.js";
import { createEmbeddingPool } from "../../src/index/embedding-pool.js";
import { segmentSentences } from "../../src/text/segment-sentences.js";
import { testEmbeddings } from "../helpers/memory-index.js";

const REPORTS = path.resolve("tests/fixtures/bank/reports");
// Each report's first batch of sentences, as ingest embeds it: the single-threaded vectors are then the ones the
// run's encoder memo holds from the files that ingest the bank (plain-text reports read as their files' text).
const reports = readdirSync(REPORTS)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .slice(0, 4)
  .map((f) => segmentSentences(readFileSync(path.join(REPORTS, f), "utf8")).slice(0, BATCH).map((s) => s.text));
const pool = createEmbeddingPool(loadConfig({}), 2);
afterAll(() => pool.close());

describe("embedding worker pool", () => {
  it("gives every report's sentences exactly the vectors the single-threaded path gives", async () => {
    expect(reports.length).toBe(4);
    // All at once, as ingest sends them: each worker takes whole reports.
    const pooled = await Promise.all(reports.map((texts) => pool.embedDocuments(texts)));
    for (const [i, texts] of reports.entries()) {
      const single = await testEmbeddings().embedDocuments(texts);
      expect(pooled[i]).toHaveLength(texts.length);
      expect(pooled[i]).toEqual(single);
    }
  });
});
