import { citationSource } from "../formats/citation-source.js";
import type { ReportRecord, SentenceRecord } from "../index/records.js";
import type { Citation } from "./answer.js";

/** Numbers the chosen sentences 1..n in order, each citation holding the verbatim sentence from the index. */
export function toCitations(chosen: Array<{ sentence: SentenceRecord; report: ReportRecord }>): Citation[] {
  return chosen.map(({ sentence, report }, i) => ({
    n: i + 1,
    reportId: report.id,
    title: report.title,
    sentenceId: sentence.id,
    text: sentence.text,
    start: sentence.start,
    end: sentence.end,
    source: citationSource(report.origin, sentence),
  }));
}

/** The same text (one sentence chosen twice, or a sentence a report repeats word for word) is quoted once. */
export function distinctTexts<T extends { sentence: SentenceRecord }>(chosen: T[]): T[] {
  const seen = new Set<string>();
  return chosen.filter(({ sentence }) => !seen.has(sentence.text) && seen.add(sentence.text));
}
