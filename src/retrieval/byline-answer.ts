import { authorAsked } from "../text/author-question.js";
import { isByline } from "../text/byline.js";
import { extractTerms } from "../text/terms.js";
import type { Judgement } from "./answerability.js";
import type { PoolSentence } from "./candidate-pool.js";
import type { IndexedSentence, SearchIndex } from "./search-index.js";

export const STATES_AUTHOR = "the question asks who wrote the report, and its byline says";
export const AUTHOR_NOT_STATED = "the question asks who wrote the report, and no byline of a report it is known to be about says";

// A byline stands above the report's text, after its headline and perhaps a standfirst, a picture's caption or a
// dateline; further down, "By Royal Appointment" heads a section.
const BYLINE_WITHIN = 5;

/** The sentence of a report that states who wrote it ("By Jonas Feldt, Economics Editor"), if it has one. */
export function bylineOf(index: SearchIndex, reportId: string): IndexedSentence | undefined {
  return index.sentencesOf(reportId).slice(0, BYLINE_WITHIN).find((s) => isByline(s.sentence.text));
}

/** A question asking who wrote the report: what it names the report by, and which report it is, when known. */
export interface AuthorAsked {
  topic?: string;
  /** The report the question is about, known before ranking. */
  reportId?: string;
  /**
   * With a topic, the reports its words alone find: the question's other words ("who wrote the article") fill the
   * pool with what anyone wrote, so a second report about the topic may be missing from it.
   */
  topicReports?: string[];
}

// Chunks the topic's words alone are searched in: enough to reach each report that says them more than in passing.
const TOPIC_CHUNKS = 30;

/**
 * Which report a question asking who wrote "the article" is about, when retrieval alone knows: the one report it is
 * asked within, or when it names no topic, the report a follow-up leans on (`preferReportId`) or the only one there
 * is. A question with a topic ("Who wrote the article about the museum theft?") is about the report its words find,
 * which ranking and the reports holding those words decide (`bylineAnswer`). Undefined when the question asks nothing
 * of the kind.
 */
export function authorQuestion(question: string, index: SearchIndex, options: { reportIds?: string[]; preferReportId?: string }): AuthorAsked | undefined {
  const asked = authorAsked(question);
  if (!asked) return undefined;
  const inScope = options.reportIds ?? index.reports.map((r) => r.id);
  if (inScope.length === 1) return { ...asked, reportId: inScope[0] };
  // A follow-up that names a topic may turn to another report: ranking, which prefers the conversation's, decides.
  if (asked.topic === undefined && options.preferReportId !== undefined && inScope.includes(options.preferReportId)) return { reportId: options.preferReportId };
  if (asked.topic === undefined) return asked;
  const topicReports = index.searchLexical(asked.topic, TOPIC_CHUNKS, options.reportIds).map((h) => index.chunkAt(h.label).report.id);
  return { ...asked, topicReports: [...new Set(topicReports)] };
}

/**
 * The pool with the bylines the question may be answered by added, so that each is scored like any candidate: the
 * encoder puts a bare byline far from "Who wrote the article?", and a byline shares none of its words, so the chunks
 * and sentences found for it seldom hold one. Those of the report asked about, or with a topic, of every report the
 * pool reached (ranking tells which of them the topic finds).
 */
export function withBylines(index: SearchIndex, asked: AuthorAsked | undefined, pool: PoolSentence[]): PoolSentence[] {
  if (!asked || (asked.reportId === undefined && asked.topic === undefined)) return pool;
  const reports = asked.reportId !== undefined ? [asked.reportId] : [...new Set(pool.map((p) => p.sentence.report.id))];
  const seen = new Set(pool.map((p) => p.sentence.sentence.id));
  const added = reports.flatMap((id) => bylineOf(index, id) ?? []).filter((s) => !seen.has(s.sentence.id));
  return [...pool, ...added.map((sentence) => ({ sentence }))];
}

type Ranked = { report: { id: string }; sentence: { id: string }; namesInOwnReport: boolean };

/**
 * The byline that answers who wrote the report asked about: the index into `ranked` of that report's byline, or
 * undefined when it has none, or the question names no report and more than one may be meant (then it is not sure,
 * `authorJudgement`). With a topic, the report is that of the best candidate other than a byline, when it holds
 * every name and number of the question and the topic finds it alone among the reports ranked or found by the
 * topic's words (`topicFinds`): "Who
 * wrote the article about the moon landing?" finds some report, which is not about it, and "… about the rocket?"
 * ranks one of two launch failures first, either of which it may mean.
 */
export function bylineAnswer(index: SearchIndex, asked: AuthorAsked | undefined, ranked: readonly Ranked[]): number | undefined {
  if (!asked) return undefined;
  const bylineIds = new Set([...new Set(ranked.map((c) => c.report.id))].flatMap((id) => bylineOf(index, id)?.sentence.id ?? []));
  let reportId = asked.reportId;
  if (reportId === undefined && asked.topic !== undefined) {
    const best = ranked.find((c) => !bylineIds.has(c.sentence.id));
    const reached = new Set([...(asked.topicReports ?? []), ...ranked.map((c) => c.report.id)]);
    if (best?.namesInOwnReport && topicFinds(index, [...reached], asked.topic) === best.report.id) reportId = best.report.id;
  }
  if (reportId === undefined) return undefined;
  const at = ranked.findIndex((c) => c.report.id === reportId && bylineIds.has(c.sentence.id));
  return at < 0 ? undefined : at;
}

/**
 * The one report of those given that the topic names: it holds the most of the topic's words ("museum" and "theft"
 * of "the museum theft"), and of those holding as many, the most in its title or headline ("Aldermark Rate Cut", not
 * the mayoral election that also says "rate" and "cut"). Undefined when it holds none, or another report is as much
 * about it: "the rocket" of two launch failures, "Saltmere" of an outbreak and an oil spill there, could be either.
 */
function topicFinds(index: SearchIndex, reportIds: readonly string[], topic: string): string | undefined {
  const words = [...new Set(extractTerms(topic).map((t) => t.stem))];
  const byMost = (a: TopicWords, b: TopicWords) => b.anywhere - a.anywhere || b.headline - a.headline;
  const [first, second] = reportIds.map((id) => topicWordsHeld(index, id, words)).filter((h) => h.anywhere > 0).sort(byMost);
  return first === undefined || (second !== undefined && byMost(first, second) === 0) ? undefined : first.id;
}

type TopicWords = { id: string; anywhere: number; headline: number };

function topicWordsHeld(index: SearchIndex, reportId: string, words: readonly string[]): TopicWords {
  const sentences = index.sentencesOf(reportId);
  const first = sentences[0];
  const headline = new Set([...extractTerms(first?.report.title ?? "").map((t) => t.stem), ...(first?.stems ?? [])]);
  return { id: reportId, anywhere: words.filter((w) => sentences.some((s) => s.stems.has(w))).length, headline: words.filter((w) => headline.has(w)).length };
}

/**
 * The judgement of a question asking who wrote the report: its byline (`bylineAt` among the ranked candidates) is
 * the answer, alone. Without one, no sentence of the reports answers it: the model, left to decide, quoted "… Kline
 * wrote." of a dissenting judge for "Who wrote the article?" over the bank's reports. Then it is not sure, and shows
 * the passages it found near when it found any.
 */
export function authorJudgement(judged: Judgement, bylineAt: number | undefined): Judgement {
  if (bylineAt !== undefined) return { answerable: true, related: false, answerAt: bylineAt, confidence: judged.confidence, reason: STATES_AUTHOR, introductions: 1 };
  return { answerable: false, related: judged.answerable || judged.related, confidence: judged.confidence, reason: AUTHOR_NOT_STATED };
}
