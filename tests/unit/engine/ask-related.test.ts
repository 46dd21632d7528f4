import { describe, expect, it } from "vitest";
import { ExtractiveAnswerer } from "../../../src/answer/extractive/extractive-answerer.js";
import type { Retrieval } from "../../../src/retrieval/retrieve.js";
import { askOverReports } from "../../helpers/ask-over-reports.js";

const REPORT = [
  "Peggy Whitson was born in 1960 in Iowa.",
  "She flew to the space station three times.",
  "Whitson has two children and lives in Houston.",
  "She retired from NASA in 2018.",
].join(" ");

describe("passages shown as possibly related", () => {
  it("come from retrieval's wider ranking for them when it has one, not from the candidates judged", async () => {
    const notSure = (r: Retrieval): Retrieval => ({
      ...r,
      judgement: { ...r.judgement, answerable: false, related: true, answerAt: undefined, reason: "not sure" },
      related: [...r.candidates].reverse(),
    });
    let last: Retrieval | undefined;
    const ask = await askOverReports({ whitson: REPORT }, new ExtractiveAnswerer(), (real) => async (q, o = {}) => (last = notSure(await real(q, o))));
    const answer = await ask("How many children does Peggy Whitson have?");
    expect(answer.abstained).toBe(true);
    expect(answer.related.map((c) => c.sentenceId)).toEqual(last!.related!.slice(0, 3).map((c) => c.sentence.id));
    expect(answer.related[0]!.sentenceId).not.toBe(last!.candidates[0]!.sentence.id);
  });
});
