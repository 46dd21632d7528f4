import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createEmbeddingPool } from "../../src/index/embedding-pool.js";
import { segmentSentences } from "../../src/text/segment-sentences.js";
import { testEmbeddings } from "../helpers/memory-index.js";

const REPORTS = path.resolve("tests/fixtures/bank/reports");
// A few sentences of each of four reports: enough for both threads to take reports, and each call is one model batch
// either way (a whole batch of 16 per report cost the pool a second of CPU and proved nothing more).
const reports = readdirSync(REPORTS)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .slice(0, 4)
  .map((f) => segmentSentences(readFileSync(path.join(REPORTS, f), "utf8")).slice(0, 4).map((s) => s.text));
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
