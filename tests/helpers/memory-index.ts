import { sentenceId } from "../../src/core/sentence-id.js";
import { normalize } from "../../src/embeddings/embeddings-contract.js";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { INDEX_FORMAT_VERSION, type ReportRecord } from "../../src/index/records.js";
import { buildSegment, segmentReport } from "../../src/index/segment.js";
import { SearchIndex } from "../../src/retrieval/search-index.js";
import { chunkSentences } from "../../src/text/chunk-sentences.js";
import { segmentSentences } from "../../src/text/segment-sentences.js";
import { stems } from "../../src/text/terms.js";

let shared: LocalUseEmbeddings | undefined;
/** The real sentence encoder, loaded once per test file. */
export const testEmbeddings = () => (shared ??= new LocalUseEmbeddings());

/** A SearchIndex over a few short reports ({ id: text }), embedded with the real model, as one segment in memory. */
export async function memoryIndex(reports: Record<string, string>): Promise<SearchIndex> {
  const embeddings = testEmbeddings();
  const built = [];
  const records: ReportRecord[] = [];
  for (const [id, text] of Object.entries(reports)) {
    const sentences = segmentSentences(text).map((s, index) => ({ id: sentenceId(id, index), reportId: id, index, ...s }));
    const windows = chunkSentences(sentences.length, 3, 1);
    const sentenceVectors = (await embeddings.embedDocuments(sentences.map((s) => s.text))).map((v) => Float32Array.from(v));
    const chunks = windows.map((w, i) => ({ id: `${id}@${i}`, reportId: id, firstSentence: w.first, lastSentence: w.last, text: sentences.slice(w.first, w.last + 1).map((s) => s.text).join(" ") }));
    const chunkVectors = windows.map((w) => Float32Array.from(normalize(sentenceVectors.slice(w.first, w.last + 1).reduce((sum, v) => sum.map((x, i) => x + v[i]!), new Array<number>(512).fill(0)))));
    built.push(segmentReport({ id, text, sentences, chunks, sentenceVectors, chunkVectors }, stems));
    records.push({ id, title: id, source: `${id}.txt`, hash: id, sentenceCount: sentences.length, chunkCount: chunks.length, ingestedAt: new Date(0).toISOString() });
  }
  const segment = buildSegment("seg-0-0", 512, built);
  const manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    embedder: { name: "local-use", dimensions: 512 },
    chunking: { sentences: 3, overlap: 1 },
    reports: records,
    refused: [],
    segments: [{ name: segment.name, chunks: segment.chunkReport.length, reports: segment.reportIds }],
    checksums: {},
    updatedAt: new Date(0).toISOString(),
  };
  return new SearchIndex({ dir: "(memory)", manifest, segments: [{ segment, live: new Uint8Array(segment.reportIds.length).fill(1) }] });
}
