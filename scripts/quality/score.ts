import type { Answer } from "../../src/answer/answer.js";

/** One line of an eval set (format: tests/fixtures/README.md). */
export interface EvalQuestion {
  id: string;
  question: string;
  expected?: string[];
  support?: string[];
  answerable?: boolean;
  /** Question-bank fields: the report that holds the answer (or that the question is about), and the kind of question. */
  report?: string;
  kind?: string;
}

export interface EvalResult {
  question: EvalQuestion;
  answerable: boolean;
  answerHit: boolean;
  citationHit: boolean;
  abstentionCorrect: boolean;
  /** Answered, citing no sentence that holds the support (or answered an unanswerable question): the worst outcome. */
  wrong: boolean;
  /** Abstained, with the supporting sentence among the passages shown as possibly related. */
  relatedHit: boolean;
  /** Abstained, showing passages as possibly related (for an off-topic question, a suggestion the reports touch it). */
  relatedShown: boolean;
  pass: boolean;
  latencyMs: number;
  detail: string;
}

// Straight and curly quotes count as the same, as the eval format says.
export const fold = (s: string) => s.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"');

export function scoreQuestion(q: EvalQuestion, answer: Answer): EvalResult {
  const answerable = q.answerable !== false;
  const text = fold(answer.text);
  const missing = (q.expected ?? []).filter((e) => !text.includes(fold(e)));
  const answerHit = answerable && !answer.abstained && missing.length === 0;
  const holdsSupport = (c: { text: string }) => (q.support ?? []).some((s) => fold(c.text).includes(fold(s)));
  const citationHit = answerable && answer.citations.some(holdsSupport);
  const abstentionCorrect = answerable ? !answer.abstained : answer.abstained && answer.citations.length === 0;
  const wrong = !answer.abstained && !citationHit;
  const relatedHit = answerable && answer.abstained && answer.related.some(holdsSupport);
  const relatedShown = answer.abstained && answer.related.length > 0;
  const pass = answerable ? answerHit && citationHit : abstentionCorrect;
  const detail = answerable
    ? answer.abstained
      ? "abstained on an answerable question"
      : [missing.length ? `missing ${missing.join(", ")}` : "", citationHit ? "" : "no citation holds the support"].filter(Boolean).join("; ") || "ok"
    : abstentionCorrect
      ? "abstained"
      : "answered an unanswerable question";
  return { question: q, answerable, answerHit, citationHit, abstentionCorrect, wrong, relatedHit, relatedShown, pass, latencyMs: answer.timings.totalMs, detail };
}

export function summarise(results: EvalResult[]) {
  const answerable = results.filter((r) => r.answerable);
  const rate = (xs: boolean[]) => (xs.length === 0 ? 1 : xs.filter(Boolean).length / xs.length);
  const latencies = results.map((r) => r.latencyMs).sort((a, b) => a - b);
  return {
    total: results.length,
    passed: results.filter((r) => r.pass).length,
    answerHitRate: rate(answerable.map((r) => r.answerHit)),
    citationHitRate: rate(answerable.map((r) => r.citationHit)),
    abstentionAccuracy: rate(results.map((r) => r.abstentionCorrect)),
    medianLatencyMs: latencies[Math.floor(latencies.length / 2)] ?? 0,
  };
}
