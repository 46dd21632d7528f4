import { sentenceId } from "../../src/core/sentence-id.js";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import type { StoredReport } from "../../src/index/index-files.js";
import { LexicalIndex } from "../../src/index/lexical-index.js";
import { INDEX_FORMAT_VERSION, type ReportRecord } from "../../src/index/records.js";
import { VectorIndex } from "../../src/index/vector-index.js";
import { SearchIndex } from "../../src/retrieval/search-index.js";
import { chunkSentences } from "../../src/text/chunk-sentences.js";
import { segmentSentences } from "../../src/text/segment-sentences.js";

let shared: LocalUseEmbeddings | undefined;
/** The real sentence encoder, loaded once per test file. */
export const testEmbeddings = () => (shared ??= new LocalUseEmbeddings());

const unit = (v: number[]) => {
  const norm = Math.hypot(...v) || 1;
  return Float32Array.from(v, (x) => x / norm);
};

/** A SearchIndex held in memory over a few short reports ({ id: text }), embedded with the real model, no files. */
export async function memoryIndex(reports: Record<string, string>): Promise<SearchIndex> {
  const embeddings = testEmbeddings();
  const stored = new Map<string, StoredReport>();
  const records: ReportRecord[] = [];
  for (const [id, text] of Object.entries(reports)) {
    const sentences = segmentSentences(text).map((s, index) => ({ id: sentenceId(id, index), reportId: id, index, ...s }));
    const windows = chunkSentences(sentences.length, 3, 1);
    const sentenceVectors = (await embeddings.embedDocuments(sentences.map((s) => s.text))).map(unit);
    const chunks = windows.map((w, i) => ({ id: `${id}@${i}`, reportId: id, firstSentence: w.first, lastSentence: w.last, text: sentences.slice(w.first, w.last + 1).map((s) => s.text).join(" ") }));
    const chunkVectors = windows.map((w) => unit(sentenceVectors.slice(w.first, w.last + 1).reduce((sum, v) => sum.map((x, i) => x + v[i]!), new Array<number>(512).fill(0))));
    stored.set(id, { id, text, sentences, chunks, sentenceVectors, chunkVectors });
    records.push({ id, title: id, source: `${id}.txt`, hash: id, sentenceCount: sentences.length, chunkCount: chunks.length, ingestedAt: new Date(0).toISOString() });
  }
  const all = records.flatMap((r) => stored.get(r.id)!.chunks.map((c, i) => ({ chunk: c, vector: stored.get(r.id)!.chunkVectors[i]! })));
  const manifest = { formatVersion: INDEX_FORMAT_VERSION, embedder: { name: "local-use", dimensions: 512 }, chunking: { sentences: 3, overlap: 1 }, reports: records, refused: [], checksums: {}, updatedAt: new Date(0).toISOString() };
  return new SearchIndex({
    dir: "(memory)",
    manifest,
    reports: stored,
    vectors: VectorIndex.build(512, all.map((c) => c.vector)),
    lexical: LexicalIndex.build(all.map((c) => c.chunk.text)),
  });
}
