import { describe, expect, it } from "vitest";
import { answerTypeOf, holdsAnswerType } from "../../../src/retrieval/answer-type.js";
import { analyseQuestion, splitQuestion } from "../../../src/retrieval/question-analysis.js";

const asked = (q: string) => analyseQuestion(q).askedWords;

describe("the kind of fact a question asks for", () => {
  it.each([
    ["How many ships were waiting?", "count"],
    ["How much did the city spend on roads?", "amount"],
    ["What percentage of voters turned out?", "amount"],
    ["How long did the talks last?", "duration"],
    ["When did the strike begin?", "time"],
    ["What year was the dam built?", "time"],
    ["Who mediated the talks?", "person"],
    ["Where were the talks held?", "place"],
    ["Which countries brokered the ceasefire?", "placeName"],
    ["Why did the talks fail?", undefined],
  ])("%s → %s", (q, type) => expect(answerTypeOf(q)).toBe(type));

  it("does not take a time or a year for a count", () => {
    const q = "How many people were evacuated?";
    expect(holdsAnswerType("count", "The evacuation began at 4 p.m. on 12 March 2024.", asked(q))).toBe(false);
    expect(holdsAnswerType("count", "About 1,200 people were evacuated.", asked(q))).toBe(true);
    expect(holdsAnswerType("count", "Three families left the valley.", asked(q))).toBe(true);
  });

  it("wants a date or time for when, a duration for how long, and someone the question did not name for who", () => {
    expect(holdsAnswerType("time", "The strike began on Thursday.", asked("When did it begin?"))).toBe(true);
    expect(holdsAnswerType("time", "The strike was long and bitter.", asked("When did it begin?"))).toBe(false);
    expect(holdsAnswerType("duration", "It collapsed after four days of negotiations.", asked("How long did it last?"))).toBe(true);
    expect(holdsAnswerType("duration", "It collapsed in Istanbul.", asked("How long did it last?"))).toBe(false);
    expect(holdsAnswerType("person", "The talks were mediated by Aino Lehtinen.", asked("Who mediated the talks?"))).toBe(true);
    expect(holdsAnswerType("person", "The talks in Geneva were mediated.", asked("Who mediated the talks in Geneva?"))).toBe(false);
  });
});

describe("question analysis", () => {
  it("keeps names apart from the words that say what is asked, with synonyms for the latter only", () => {
    const q = analyseQuestion("What did Omar Samad say about the negotiations?");
    expect(q.terms.filter((t) => t.salient).map((t) => t.surface)).toEqual(["Omar", "Samad"]);
    const negotiations = q.terms.find((t) => t.surface === "negotiations")!;
    expect(negotiations.salient).toBe(false);
    expect(negotiations.synonyms.length).toBeGreaterThan(0);
    expect(q.terms.find((t) => t.surface === "Omar")!.synonyms).toEqual([]);
  });

  it("splits a two-part question, giving the second part the first part's words to retrieve by", () => {
    const parts = splitQuestion("Who mediated the talks and how long did they last?");
    expect(parts.map((p) => p.text)).toEqual(["Who mediated the talks?", "How long did they last?"]);
    expect(parts[1]!.query).toContain("talks");
    expect(splitQuestion("Did Pakistan and Afghanistan agree?")).toHaveLength(1);
    expect(splitQuestion("What did Kabul and Islamabad say?")).toHaveLength(1);
  });
});
