import { describe, expect, it } from "vitest";
import { askedAboutOf, askedAboutWords, countsSomethingElse, factAttached } from "../../../src/retrieval/fact-attachment.js";
import { analyseQuestion } from "../../../src/retrieval/question-analysis.js";

const attached = (question: string, sentence: string) => {
  const q = analyseQuestion(question);
  return factAttached(q, askedAboutWords(q), sentence);
};

const countsElse = (question: string, sentence: string) => {
  const q = analyseQuestion(question);
  return countsSomethingElse(q, askedAboutWords(q), sentence);
};

describe("what a question asks about", () => {
  it("is the counted thing, the measure or the role named, else the main verb", () => {
    expect(askedAboutOf(analyseQuestion("How many trams does the Hollinsford network operate?"))).toBe("trams");
    expect(askedAboutOf(analyseQuestion("How many of the 18 farmers noticed a difference?"))).toBe("farmers");
    expect(askedAboutOf(analyseQuestion("how many people work at the Carrow plant"))).toBe("people");
    expect(askedAboutOf(analyseQuestion("What was Corvane's operating profit in the third quarter?"))).toBe("profit");
    expect(askedAboutOf(analyseQuestion("Who is Ilic's coach?"))).toBe("coach");
    expect(askedAboutOf(analyseQuestion("When was the fuel depot repaired?"))).toBe("repaired");
    expect(askedAboutOf(analyseQuestion("What time did the thieves break in?"))).toBe("break");
    expect(askedAboutOf(analyseQuestion("How much did Westmarch spend on fuel?"))).toBe("spend");
  });
});

describe("the fact asked for attached to what is asked about", () => {
  it("holds when the fact stands a few words from it", () => {
    expect(attached("How many jobs will the Ashby Vale closure cost?", "The closure will cost 480 jobs.")).toBe(true);
    expect(attached("Who is the housing minister?", "The Housing Minister, Alicia Drummond, announced a package.")).toBe(true);
    expect(attached("When was the fuel depot repaired?", "The depot was repaired in March after the storm.")).toBe(true);
  });

  it("does not when the fact of that kind is about something else, or the word is not there", () => {
    expect(attached("How many members does BALPA-Salven have?", "The pilots' union, BALPA-Salven, said its members had been kept on standby for up to ten hours.")).toBe(false);
    expect(attached("how many residents spoke at the budget meeting", "The council approved the budget after a four-hour meeting in which residents lined up to speak.")).toBe(false);
    expect(attached("How many passengers were hit by the October 2024 power cut?", "In October 2024 a power cut grounded flights for about four hours.")).toBe(false);
  });

  it("never holds for a question that asks for no particular kind of fact", () => {
    expect(attached("Why did the talks collapse?", "The talks collapsed after four days.")).toBe(false);
  });
});

describe("a count of something else", () => {
  it("rules out a sentence whose only count is of another thing", () => {
    expect(countsElse("How many curlews has the Fenby sanctuary ringed?", "The Fenby sanctuary said it had ringed 212 waders this spring, most of them redshanks and curlews.")).toBe(true);
    expect(countsElse("How many staff work at the Orrin depot?", "About 900 posts will go at the head office, and about 300 at the Orrin and Bask depots, whose work will move north.")).toBe(true);
    expect(countsElse("How many members does the Harl rowing club have?", "The Harl rowing club said its members had trained for up to six hours a day.")).toBe(true);
    expect(countsElse("How many staff work at the Orrin depot?", "The number of staff fell when the number of routes was cut by 30.")).toBe(true);
  });

  it("keeps a count that belongs to what is asked, however it is said", () => {
    expect(countsElse("How many of the 40 lamp posts were rusted through?", "When inspectors checked all 40 of the street's lamp posts, they found rust through in nine of them.")).toBe(false);
    expect(countsElse("How many times has Corley won the Shield?", "Corley won the Shield for a record seventh time on Sunday.")).toBe(false);
    expect(countsElse("how many times did she forge the receipts", "She forged the receipts on at least 14 occasions.")).toBe(false);
    expect(countsElse("How many of the kettles were sold in Ireland?", "About 80,000 were sold in Britain and a further 9,000 in Ireland, at hardware shops and online.")).toBe(false);
    expect(countsElse("How many jobs will the closure cost?", "The closure will cost 480 jobs.")).toBe(false);
    expect(countsElse("how many ships does the coastguard have in the bay", "The coastguard, which keeps three patrol vessels in the bay, sent one to the wreck.")).toBe(false);
    // The verb after the counted thing ("How many people died"), a clause away from nothing: the count is what it is about.
    expect(countsElse("How many people died in the fire?", "Seven residents of the block died in the fire.")).toBe(false);
    expect(countsElse("How many people attended the protest?", "Police said 5,000 protesters attended the protest in the square.")).toBe(false);
    expect(countsElse("How many people died?", "The death toll rose to 14 on Monday.")).toBe(false);
    expect(countsElse("How many homes were damaged?", "The storm damaged homes across the county, and the council put the number at 1,200.")).toBe(false);
    expect(countsElse("How many people were evacuated?", "Police evacuated people from the area, and by midnight the total had reached 2,400.")).toBe(false);
    // What "them" counts is not in the question, so nothing shows the count is of something else.
    expect(countsElse("How many of them survived?", "Four of the crew survived.")).toBe(false);
  });

  it("leaves a sentence with no count, or a question asking for none, to the answer model", () => {
    expect(countsElse("How many curlews were ringed?", "Curlews were ringed at the sanctuary for the first time.")).toBe(false);
    expect(countsElse("When did the sanctuary ring the curlews?", "The sanctuary ringed 212 waders in May.")).toBe(false);
  });
});
