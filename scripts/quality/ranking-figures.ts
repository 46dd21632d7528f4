import type { LinearModel } from "../../src/retrieval/answerability-model.js";
import { linearProbability } from "../../src/retrieval/answerability-model.js";
import type { QuestionRows } from "./fit-model.js";
import { reportOf } from "./question-set.js";

export interface RankingFigures {
  kind: string;
  questions: number;
  /** The supporting sentence is among the candidates at all (retrieval's ceiling). */
  inCandidates: number;
  atRank1: number;
  inTop3: number;
}

/**
 * How well the sentence model ranks the support of answerable questions, each report's questions ranked by a model
 * fitted without them (`fit` is given the other reports' rows). Only `scored` questions are counted; `all` trains.
 */
export function crossValidatedRanking(all: QuestionRows[], scored: QuestionRows[], fit: (train: QuestionRows[]) => LinearModel): RankingFigures[] {
  const ranks = new Map<QuestionRows, number>();
  for (const report of new Set(scored.map((d) => reportOf(d.question)))) {
    const model = fit(all.filter((d) => reportOf(d.question) !== report));
    for (const d of scored.filter((d) => reportOf(d.question) === report)) ranks.set(d, supportRank(model, d));
  }
  const answerable = scored.filter((d) => d.question.answerable !== false);
  const kinds = [...new Set(answerable.map((d) => d.question.kind ?? "answerable"))];
  const figures = (kind: string, of: QuestionRows[]): RankingFigures => {
    const rs = of.map((d) => ranks.get(d)!);
    return {
      kind,
      questions: rs.length,
      inCandidates: rs.filter((r) => r >= 0).length,
      atRank1: rs.filter((r) => r === 0).length,
      inTop3: rs.filter((r) => r >= 0 && r < 3).length,
    };
  };
  return [...kinds.map((k) => figures(k, answerable.filter((d) => (d.question.kind ?? "answerable") === k))), figures("all answerable", answerable)];
}

/** Position of the first supporting sentence when the rows are ordered by the model (ties keep retrieval order), or -1. */
export function supportRank(model: LinearModel, d: QuestionRows): number {
  const order = d.rows.map((r, i) => ({ p: linearProbability(model, r.features), label: r.label, i })).sort((a, b) => b.p - a.p || a.i - b.i);
  return order.findIndex((r) => r.label === 1);
}

export function formatRanking(figures: RankingFigures[]): string {
  const pct = (n: number, d: number) => `${n} (${d ? ((100 * n) / d).toFixed(0) : "-"} %)`;
  const lines = ["| kind | questions | support among candidates | at rank 1 | in top 3 |", "|---|---|---|---|---|"];
  for (const f of figures) lines.push(`| ${f.kind} | ${f.questions} | ${pct(f.inCandidates, f.questions)} | ${pct(f.atRank1, f.questions)} | ${pct(f.inTop3, f.questions)} |`);
  return lines.join("\n");
}
