import { describe, expect, it } from "vitest";
import { fitModel, type QuestionRows, type SentenceFits } from "../../../scripts/quality/fit-model.js";
import { FEATURE_NAMES, type Features } from "../../../src/retrieval/features.js";

/** A small bank: four reports, each question with a few candidates whose features say, noisily, which holds the support. */
function bank(): QuestionRows[] {
  const out: QuestionRows[] = [];
  let seed = 7;
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 0.6;
  for (const report of ["ferry", "budget", "fire", "trial"]) {
    for (let q = 0; q < 12; q++) {
      const answerable = q % 4 !== 3;
      const rows = [0, 1, 2, 3].map((c) => {
        const label = answerable && c === q % 4 ? 1 : 0;
        const features = Object.fromEntries(FEATURE_NAMES.map((f) => [f, 0])) as Features;
        features.similarity = 0.3 + 0.4 * label + noise();
        features.coverage = 0.2 + 0.5 * label + noise();
        features.typeInSentence = label || noise() > 0.4 ? 1 : 0;
        return { features, label, namesInOwnReport: true };
      });
      out.push({ question: { id: `${report}-${q}`, question: `Question ${q}?`, report, kind: answerable ? "direct" : "near-miss", ...(answerable ? {} : { answerable: false }) }, rows });
    }
  }
  return out;
}

describe("fitModel", () => {
  it("gives the same model with a map of sentence fits as without one", () => {
    const rows = bank();
    expect(fitModel(rows, new Map())).toEqual(fitModel(rows));
  });

  it("fits the sentence model once for each set of reports when folds of one bank are fitted in turn, as nested cross-validation does", () => {
    const rows = bank();
    const reports = ["ferry", "budget", "fire", "trial"];
    const fits: SentenceFits = new Map();
    const models = reports.map((held) => fitModel(rows.filter((r) => r.question.report !== held), fits));
    // Each fold fits on three reports and on each two of them: 4 sets of three, 6 pairs, not 4 × 4 fits.
    expect(fits.size).toBe(4 + 6);
    reports.forEach((held, i) => expect(models[i]).toEqual(fitModel(rows.filter((r) => r.question.report !== held))));
    // Folds fitted again find every sentence model in the map: none is fitted again (a new fit would be a new object).
    const fitted = [...fits.values()];
    reports.forEach((held) => fitModel(rows.filter((r) => r.question.report !== held), fits));
    expect([...fits.values()].every((model, i) => model === fitted[i])).toBe(true);
  });
});
