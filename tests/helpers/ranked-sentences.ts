import type { RankedSentence } from "../../src/answer/answerer.js";
import type { ReportRecord } from "../../src/index/records.js";

/** Builds ranked candidates from whole sentences, with offsets that really slice `text` out of the report. */
export function candidatesFrom(reportId: string, title: string, sentences: string[]): RankedSentence[] {
  const report: ReportRecord = {
    id: reportId,
    title,
    source: `corpus/${reportId}.txt`,
    hash: "0".repeat(64),
    sentenceCount: sentences.length,
    chunkCount: 1,
    ingestedAt: "2025-01-01T00:00:00.000Z",
  };
  let offset = 0;
  return sentences.map((text, index) => {
    const start = offset;
    offset += text.length + 1;
    return {
      sentence: { id: `${reportId}#${index}`, reportId, index, text, start, end: start + text.length },
      report,
      score: 1 - index / 100,
    };
  });
}

export const FLOOD_SENTENCES = [
  "The river burst its banks at Millbrook on Tuesday night.",
  "About 300 homes were evacuated, the county council said.",
  "Mayor Ana Ruiz said the town would rebuild the damaged bridge by spring.",
  "No injuries were reported.",
];

export const floodCandidates = (): RankedSentence[] => candidatesFrom("flood", "Millbrook flood", FLOOD_SENTENCES);
