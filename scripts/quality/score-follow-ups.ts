import type { Answer } from "../../src/answer/answer.js";
import { coreOf } from "../../src/conversation/follow-up-reading.js";
import type { HistoryItem } from "../../src/engine/replay-history.js";
import { type EvalQuestion, type EvalResult, scoreQuestion, summarise } from "./score.js";

/** One line of a follow-up set: a question-bank line with the conversation before it (tests/fixtures/README.md). */
export interface FollowUpQuestion extends EvalQuestion {
  conversation?: string;
  report?: string;
  /** Earlier questions (or full turns), oldest first. */
  history: HistoryItem[];
  /** How a reader would put the question on its own. */
  standalone?: string;
  /** The question needs nothing from the conversation: it must be answered as asked, not rewritten. */
  standsAlone?: boolean;
}

export interface FollowUpResult extends EvalResult {
  standsAlone: boolean;
  rewritten: boolean;
}

/**
 * Scored like any question; a standalone one that was rewritten fails whatever its answer. Kept word for word with
 * the conversation's words added after it as search context ("how many people stayed at the centres (context: …)")
 * is not a rewrite: the question asked is the one answered.
 */
export function scoreFollowUp(q: FollowUpQuestion, answer: Answer): FollowUpResult {
  const base = scoreQuestion(q, answer);
  const standsAlone = q.standsAlone === true;
  const words = (s: string) => s.toLowerCase().replace(/[?.!\s]+$/, "").replace(/\s+/g, " ").trim();
  const rewritten = answer.standaloneQuestion !== undefined && words(coreOf(answer.standaloneQuestion)) !== words(q.question);
  if (standsAlone && rewritten) {
    return { ...base, standsAlone, rewritten, pass: false, detail: `a standalone question was rewritten; ${base.detail}` };
  }
  return { ...base, standsAlone, rewritten };
}

export function summariseFollowUps(results: FollowUpResult[]) {
  const standalone = results.filter((r) => r.standsAlone);
  const leaning = results.filter((r) => !r.standsAlone);
  const base = summarise(results);
  return {
    ...base,
    passRate: results.length === 0 ? 1 : base.passed / results.length,
    standaloneTotal: standalone.length,
    standaloneKept: standalone.filter((r) => !r.rewritten).length,
    leaning: leaning.length,
    rewritten: leaning.filter((r) => r.rewritten).length,
    /** Answered with no citation holding the support, or answered an unanswerable follow-up: the worst outcome. */
    wrong: results.filter((r) => r.wrong).length,
    /** Not sure, with the supporting sentence among the passages shown as possibly related. */
    relatedHits: results.filter((r) => r.relatedHit).length,
  };
}
