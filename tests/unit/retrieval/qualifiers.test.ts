import { describe, expect, it } from "vitest";
import { missesQualifier, qualifiersOf } from "../../../src/retrieval/qualifiers.js";

const misses = (question: string, ...texts: string[]) => missesQualifier(qualifiersOf(question), texts);

describe("what narrows a question to one of several like facts", () => {
  it("is a year, an ordinal, a number joined to a noun, or last or next year", () => {
    expect(misses("How many votes did Osei-Brandt get in 2022?", "Osei-Brandt came third with 4,105 votes.")).toBe(true);
    expect(misses("How long did the third rapid game last?", "Sandqvist won the fourth game, in 63 moves.")).toBe(true);
    expect(misses("What is the average rent for a one-bedroom flat?", "The average rent for a two-bedroom flat is £1,840 a month.")).toBe(true);
    expect(misses("How many people went to the festival last year?", "The festival had been expected to draw 30,000 people on Saturday.")).toBe(true);
    expect(misses("How long did the 3rd game last?", "Sandqvist won the fourth game, in 63 moves.")).toBe(true);
  });

  it("is kept when the sentence or a neighbour says it, in either spelling of a joined number", () => {
    expect(misses("How many votes did Osei-Brandt get in 2022?", "In 2022 she stood for the Greens.", "She got 3,900 votes.")).toBe(false);
    expect(misses("How long did the third rapid game last?", "The Third game lasted 40 minutes.")).toBe(false);
    expect(misses("What is the average rent for a one-bedroom flat?", "A one bedroom flat costs £1,200 a month.")).toBe(false);
    expect(misses("How many people went last year?", "Last year 28,000 people went.")).toBe(false);
    expect(misses("How long did the 3rd game last?", "The third game lasted 40 minutes.")).toBe(false);
    expect(misses("Who called the 24-hour strike?", "The union called a strike of 24 hours.")).toBe(false);
  });

  it("is not a share: two-thirds of something narrows nothing", () => {
    expect(qualifiersOf("Did two-thirds of members back the deal?")).toEqual([]);
  });

  it("leaves out the report's own time, and questions that name none", () => {
    expect(qualifiersOf("Is there school this week?")).toEqual([]);
    expect(qualifiersOf("Who won the first game?")).toEqual([]);
    expect(misses("Why did the talks fail?", "They failed.")).toBe(false);
  });
});
