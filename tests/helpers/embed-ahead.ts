import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { readReport } from "../../src/index/read-report.js";
import { segmentSentences } from "../../src/text/segment-sentences.js";

/**
 * Has the run's encoder memo (tests/setup/embedding-memo.ts) learn the vectors of texts a test then embeds a few at a
 * time (the engine embeds one question, and ingest one report's sentences, a call): in the model calls one call for
 * all of them makes, which batch texts of one token count, up to a third less CPU (questions: a half) and bit for
 * bit the same vectors.
 */
export async function embedAhead(texts: readonly string[]): Promise<void> {
  await new LocalUseEmbeddings().embedDocuments([...new Set(texts)]);
}

/** The sentences an ingest of these report files embeds, embedded ahead, with `also` in the same call. */
export async function embedReportsAhead(files: readonly string[], also: readonly string[] = []): Promise<void> {
  const reports = await Promise.all(files.map((file) => readReport(file, Number.MAX_SAFE_INTEGER)));
  await embedAhead([...reports.flatMap((report) => segmentSentences(report.text).map((s) => s.text)), ...also]);
}
