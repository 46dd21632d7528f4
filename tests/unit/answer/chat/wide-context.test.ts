import { describe, expect, it } from "vitest";
import type { RankedSentence } from "../../../../src/answer/answerer.js";
import { type SentencesAround, wideContext } from "../../../../src/answer/chat/wide-context.js";
import { candidatesFrom } from "../../../helpers/ranked-sentences.js";

const reportA = candidatesFrom("a", "A", Array.from({ length: 10 }, (_, i) => `A sentence ${i}.`));
const reportB = candidatesFrom("b", "B", Array.from({ length: 6 }, (_, i) => `B sentence ${i}.`));
const all = new Map([...reportA, ...reportB].map((r) => [r.sentence.id, r]));
const around: SentencesAround = (sentence, before, after) =>
  [...all.values()]
    .filter((r) => r.report.id === sentence.reportId && r.sentence.index >= sentence.index - before && r.sentence.index <= sentence.index + after)
    .map((r) => r.sentence);
const ranked = (...ids: string[]): RankedSentence[] => ids.map((id, i) => ({ ...all.get(id)!, score: 1 - i / 10 }));
const ids = (context: RankedSentence[]) => context.map((r) => r.sentence.id);

describe("wideContext", () => {
  it("widens each candidate with its neighbours, grouped by report (best report first) in reading order", () => {
    const context = wideContext(ranked("b#3", "a#5", "a#0"), around, 20);
    expect(ids(context)).toEqual(["b#2", "b#3", "b#4", "a#0", "a#1", "a#4", "a#5", "a#6"]);
    expect(context.find((r) => r.sentence.id === "a#5")!.score).toBeCloseTo(0.9);
    expect(context.find((r) => r.sentence.id === "a#4")!.score).toBe(0);
  });

  it("widens only the first three candidates: further down, each sentence that ranked comes before any neighbour", () => {
    const context = wideContext(ranked("a#1", "a#4", "a#7", "b#1", "b#4"), around, 20);
    expect(ids(context)).toEqual(["a#0", "a#1", "a#2", "a#3", "a#4", "a#5", "a#6", "a#7", "a#8", "b#1", "b#4"]);
  });

  it("stops at the budget, keeping every better candidate before a worse one's neighbours", () => {
    expect(ids(wideContext(ranked("a#5", "b#0", "a#9"), around, 4))).toEqual(["a#4", "a#5", "a#6", "b#0"]);
    expect(ids(wideContext(ranked("a#5", "a#6", "a#7"), around, 3))).toEqual(["a#4", "a#5", "a#6"]);
  });

  it("is empty when retrieval found nothing", () => {
    expect(wideContext([], around, 36)).toEqual([]);
  });
});
