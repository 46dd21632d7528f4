import { describe, expect, it } from "vitest";
import { withAskedFactAfter } from "../../../src/retrieval/asked-fact-after.js";
import type { Features } from "../../../src/retrieval/features.js";
import { analyseQuestion } from "../../../src/retrieval/question-analysis.js";
import type { RankedSentence } from "../../../src/retrieval/ranked-sentence.js";

const report = { id: "salvage", title: "Salvage", source: "salvage.txt", hash: "h", sentenceCount: 4, chunkCount: 2, ingestedAt: "" };
const sentence = (index: number, text: string) => ({ id: `salvage#${index}`, reportId: "salvage", index, text, start: index * 100, end: index * 100 + text.length });
const PUMPING = sentence(0, "Tethys Salvage began pumping fuel from the undamaged tanks into a tanker at 3 p.m. on Friday.");
const TEN_DAYS = sentence(1, "The company said the job would take at least ten days.");
const candidate = (typeInSentence: number, next = TEN_DAYS): RankedSentence & { features: Features } => ({ sentence: PUMPING, report, score: 0.8, next, features: { typeAsked: 1, typeInSentence } as Features });

describe("an answer finished by the next sentence's fact", () => {
  it("quotes an answer without the kind of fact asked for with the next sentence that gives it", () => {
    expect(withAskedFactAfter(candidate(0), analyseQuestion("How long will the pumping take?")).continuedBy).toEqual([TEN_DAYS]);
  });

  it("quotes the answer alone when it holds the fact itself, or the next sentence does not, or asks", () => {
    expect(withAskedFactAfter(candidate(1), analyseQuestion("How long will the pumping take?")).continuedBy).toBeUndefined();
    const divers = sentence(1, "Divers inspected the hull.");
    expect(withAskedFactAfter(candidate(0, divers), analyseQuestion("How long will the pumping take?")).continuedBy).toBeUndefined();
    const asks = sentence(1, "Will the pumping go on until March?");
    expect(withAskedFactAfter(candidate(0, asks), analyseQuestion("How long will the pumping take?")).continuedBy).toBeUndefined();
  });

  it("does not take 'from the tanks' for how long something lasts, but does 'until March'", () => {
    const q = analyseQuestion("How long will the pumping take?");
    expect(withAskedFactAfter(candidate(0, sentence(1, "Fuel is moved from the undamaged tanks.")), q).continuedBy).toBeUndefined();
    expect(withAskedFactAfter(candidate(0, sentence(1, "Pumping will go on until March.")), q).continuedBy).toHaveLength(1);
  });
});
