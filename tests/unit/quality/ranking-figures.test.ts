import { describe, expect, it } from "vitest";
import type { QuestionRows } from "../../../scripts/quality/fit-model.js";
import { crossValidatedRanking, supportRank } from "../../../scripts/quality/ranking-figures.js";
import type { LinearModel } from "../../../src/retrieval/answerability-model.js";
import { FEATURE_NAMES, type Features } from "../../../src/retrieval/features.js";

const features = (similarity: number): Features => ({ ...(Object.fromEntries(FEATURE_NAMES.map((f) => [f, 0])) as Features), similarity });
const bySimilarity: LinearModel = { features: ["similarity"], mean: [0], scale: [1], weights: [1], bias: 0 };

function question(id: string, report: string, kind: string, rows: Array<[number, number]>, answerable = true): QuestionRows {
  return {
    question: { id, question: id, report, kind, answerable },
    rows: rows.map(([similarity, label]) => ({ features: features(similarity), label, namesInOwnReport: true })),
  };
}

describe("ranking figures", () => {
  it("finds the support's position in the model's order, or -1 when retrieval missed it", () => {
    expect(supportRank(bySimilarity, question("q", "a", "direct", [[0.2, 0], [0.9, 1], [0.5, 0]]))).toBe(0);
    expect(supportRank(bySimilarity, question("q", "a", "direct", [[0.2, 1], [0.9, 0], [0.5, 0]]))).toBe(2);
    expect(supportRank(bySimilarity, question("q", "a", "direct", [[0.2, 0], [0.9, 0]]))).toBe(-1);
  });

  it("counts answerable questions by kind, each report ranked by a model fitted without it", () => {
    const data = [
      question("a1", "a", "direct", [[0.9, 1], [0.1, 0]]),
      question("a2", "a", "reworded", [[0.1, 1], [0.5, 0], [0.6, 0], [0.9, 0]]),
      question("b1", "b", "direct", [[0.3, 1], [0.4, 0]]),
      question("b2", "b", "near-miss", [[0.3, 0]], false),
      question("b3", "b", "reworded", [[0.3, 0]]),
    ];
    const trainedOn: string[][] = [];
    const figures = crossValidatedRanking(data, data, (train) => {
      trainedOn.push(train.map((d) => d.question.id));
      return bySimilarity;
    });
    expect(trainedOn).toEqual([["b1", "b2", "b3"], ["a1", "a2"]]);
    expect(figures).toEqual([
      { kind: "direct", questions: 2, inCandidates: 2, atRank1: 1, inTop3: 2 },
      { kind: "reworded", questions: 2, inCandidates: 1, atRank1: 0, inTop3: 0 },
      { kind: "all answerable", questions: 4, inCandidates: 3, atRank1: 1, inTop3: 2 },
    ]);
  });
});
