import { describe, expect, it } from "vitest";
import { preferReport, REPORT_PREFERENCE } from "../../../src/retrieval/prefer-report.js";

const ranked = (...items: Array<[string, number]>) => items.map(([id, score]) => ({ report: { id }, score }));

describe("preferReport", () => {
  it("moves the preferred report's sentences ahead of near ties, leaving scores alone", () => {
    const result = preferReport(ranked(["other", 0.62], ["last", 0.6], ["other", 0.3]), "last");
    expect(result.map((r) => [r.report.id, r.score])).toEqual([["last", 0.6], ["other", 0.62], ["other", 0.3]]);
  });

  it("is a preference, not a filter: a clearly better sentence elsewhere stays first", () => {
    const result = preferReport(ranked(["other", 0.6 + 2 * REPORT_PREFERENCE], ["last", 0.6]), "last");
    expect(result.map((r) => r.report.id)).toEqual(["other", "last"]);
  });

  it("keeps the order when there is no preference", () => {
    const input = ranked(["a", 0.2], ["b", 0.9]);
    expect(preferReport(input, undefined)).toEqual(input);
  });
});
