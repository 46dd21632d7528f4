import { describe, expect, it } from "vitest";
import { IngestProgress } from "../../../src/cli/ingest-progress.js";
import { withEmbeddingProgress } from "../../../src/engine/embedding-progress.js";
import type { DossierEmbeddings } from "../../../src/embeddings/embeddings-contract.js";

let clock = 0;
// Each batch of 64 sentences takes 500 ms of the fake clock: 128 sentences/s.
const fakeEmbeddings = {
  embedder: { name: "fake", dimensions: 2 },
  embedDocuments: async (texts: string[]) => {
    clock += (texts.length / 64) * 500;
    return texts.map(() => [1, 0]);
  },
  embedQuery: async () => [1, 0],
} as unknown as DossierEmbeddings;

function run(isTTY: boolean) {
  const written: string[] = [];
  clock = 0;
  const progress = new IngestProgress({ isTTY, columns: 200, write: (t) => written.push(t) }, () => clock);
  return { progress, written, embeddings: withEmbeddingProgress(fakeEmbeddings, (p) => progress.update(p)) };
}

describe("ingest progress", () => {
  it("shows the report, sentences embedded, the rate and the time left on a terminal, and clears before output", async () => {
    const { progress, written, embeddings } = run(true);
    progress.reportFinished();
    const vectors = await embeddings.embedDocuments(Array.from({ length: 640 }, (_, i) => `s${i}`));
    expect(vectors).toHaveLength(640);
    expect(written.at(-1)).toBe("\r\x1b[2Kreport 2 · 640/640 sentences embedded · 128 sentences/s · about 0 s left");
    expect(written.some((w) => /report 2 · \d+\/640 sentences embedded · 128 sentences\/s · about [1-9] s left/.test(w))).toBe(true);
    progress.clear();
    expect(written.at(-1)).toBe("\r\x1b[2K");
    expect(embeddings.embedder.name).toBe("fake");
  });

  it("writes nothing when not on a terminal", async () => {
    const { progress, written, embeddings } = run(false);
    await embeddings.embedDocuments(Array.from({ length: 640 }, (_, i) => `s${i}`));
    progress.clear();
    expect(written).toEqual([]);
  });
});
