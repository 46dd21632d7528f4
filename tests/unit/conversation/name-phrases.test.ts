import { describe, expect, it } from "vitest";
import { countedPhrase, definitePhrases, isCollective, isPlural, namePhrases, namesAPerson, namesSomething } from "../../../src/conversation/name-phrases.js";
import { MUJAHID, SAMAD } from "./fixtures.js";

describe("namePhrases", () => {
  it("finds people's names apart from titles and places", () => {
    const phrases = namePhrases(SAMAD);
    expect(phrases.filter((p) => p.person).map((p) => p.text)).toEqual(["Omar Samad"]);
    expect(phrases.map((p) => p.text)).toContain("France");
  });

  it("ends a name at a possessive and keeps long names whole", () => {
    const phrases = namePhrases(MUJAHID);
    expect(phrases.find((p) => p.person)?.text).toBe("Mawlawi Mohammad Yaqoob Mujahid");
    expect(phrases.map((p) => p.text)).toContain("Afghanistan");
    expect(phrases.find((p) => p.text === "Defence Minister")?.person).toBe(false);
  });

  it("keeps a byline's 'By', the pronoun 'I', months and days out of names, and a street or a stadium from being a person", () => {
    expect(namePhrases("GENEVA, Nov. 24 (Continental Press) - By Halima Oduya Ilescu").map((p) => p.text)).toContain("Halima Oduya Ilescu");
    expect(namePhrases('"I have lived here 40 years," said Alma Ruiz on Sunday in June.').map((p) => p.text)).toEqual(["Alma Ruiz"]);
    expect(namePhrases("She lives at 6 Mill Lane near Westfield Stadium.").filter((p) => p.person)).toEqual([]);
  });

  it("reads a title before a name as a person's name, and a title alone as none", () => {
    expect(namePhrases("Fire Chief Renata Solis said the crews held the line.").find((p) => p.text.endsWith("Renata Solis"))?.person).toBe(true);
    expect(namePhrases("The statement from Mayor Patricia Holloway came late.").find((p) => p.text.endsWith("Holloway"))?.person).toBe(true);
    expect(namePhrases("The Defence Minister spoke.").some((p) => p.person)).toBe(false);
  });

  it("skips the capital letter a sentence opens with", () => {
    expect(namePhrases("Observers said the withdrawal reflected mistrust.")).toEqual([]);
    expect(namePhrases("Who is Mohammad Nabi Omari?").map((p) => p.text)).toEqual(["Mohammad Nabi Omari"]);
  });
});

describe("namesSomething", () => {
  it("counts names and numbers, not a month or a day", () => {
    expect(namesSomething("What did Riverton spend?")).toBe(true);
    expect(namesSomething("what happened in 2024?")).toBe(true);
    expect(namesSomething("What happened in May?")).toBe(false);
    expect(namesSomething("what was the vote on Tuesday?")).toBe(false);
  });
});

describe("definitePhrases", () => {
  it("takes the noun phrase, not the verb after it", () => {
    expect(definitePhrases("Who mediated the talks?")).toEqual(["the talks"]);
    expect(definitePhrases("What did the Afghan delegation demand?")).toEqual(["the Afghan delegation"]);
    expect(definitePhrases("Who arranged the temporary ceasefire?")).toEqual(["the temporary ceasefire"]);
    // Two capitalised words describing one plural noun are one phrase; "and" before a name still ends one.
    expect(definitePhrases("How did the Turkish and Qatari officials respond?")).toEqual(["the Turkish and Qatari officials"]);
    expect(definitePhrases("What did the Taliban and Pakistan agree?")).toEqual(["the Taliban"]);
    expect(definitePhrases("How much would what the 2021 review recommended cost?")).toEqual(["the 2021 review"]);
    expect(definitePhrases("Who drew the proposed route?")).toEqual(["the proposed route"]);
  });

  it("finds a phrase after a shorter one, an owner's phrase, and keeps the place a phrase is in", () => {
    expect(definitePhrases("What was the aim of the Istanbul talks?")).toEqual(["the aim", "the Istanbul talks"]);
    expect(definitePhrases("What prompted Kabul's limited retaliatory action?")).toEqual(["Kabul's limited retaliatory action"]);
    expect(definitePhrases("Who mediated the talks in Istanbul?")).toEqual(["the talks in Istanbul"]);
    expect(definitePhrases("How much are Riverton's bus fares going up?")).toEqual(["Riverton's bus fares"]);
  });

  it("ends a subject before its verb, unless a verb word already ended it", () => {
    expect(definitePhrases("What did the Afghan delegation demand from Islamabad?")).toEqual(["the Afghan delegation"]);
    expect(definitePhrases("Where would the alternative route have crossed the river?")).toEqual(["the alternative route", "the river"]);
    // An owner is its whole name, and its phrase ends before the verb too.
    expect(definitePhrases("Why did Corrin Air's computer system fail?")).toEqual(["Corrin Air's computer system"]);
    // After a form of "be", a past participle ends the phrase; a noun does not.
    expect(definitePhrases("Where was the getaway car found?")).toEqual(["the getaway car"]);
    expect(definitePhrases("What is the interest rate?")).toEqual(["the interest rate"]);
  });

  it("ends a phrase at any preposition, not only the commonest", () => {
    expect(definitePhrases("Who led the rebellion against the rent bill?")).toEqual(["the rebellion", "the rent bill"]);
    expect(definitePhrases("Who won the vote over the budget?")).toEqual(["the vote", "the budget"]);
  });

  it("keeps an '-ing' word the answered sentences write together with the word before it, as the name's end", () => {
    const source = "sign up for the free 12-month credit-monitoring service from Clearmark.";
    expect(definitePhrases("is the credit monitoring free?", source)).toEqual(["the credit monitoring"]);
    expect(definitePhrases("is the credit monitoring free?")).toEqual(["the credit"]);
    expect(definitePhrases("Were the talks collapsing?", source)).toEqual(["the talks"]);
    // Ended there, the phrase is whole: the verb after an auxiliary comes after it, and is not its last word.
    const meeting = "The first results are expected on Friday, and a public meeting will be held at the Corn Exchange.";
    expect(definitePhrases("When will the public meeting come?", meeting)).toEqual(["the public meeting"]);
    expect(definitePhrases("Why did the public meeting end early?", meeting)).toEqual(["the public meeting"]);
  });


  it("tells a phrase naming someone by office or role, which 'it' does not stand for", () => {
    expect(namesAPerson("the finance minister")).toBe(true);
    expect(namesAPerson("the temporary ceasefire")).toBe(false);
    expect(namesAPerson("the Afghan delegation")).toBe(false);
  });

  it("tells plural phrases from singular ones", () => {
    expect(isPlural("the talks")).toBe(true);
    expect(isPlural("the temporary ceasefire")).toBe(false);
    expect(isPlural("the process")).toBe(false);
  });

  it("tells a body of people named by a singular-looking noun from a thing, a figure or a date", () => {
    for (const body of ["the council", "the Civic Alliance", "the Transport Authority", "the opposition coalition", "the National Drought Group"]) {
      expect(isCollective(body), body).toBe(true);
    }
    // A group of a trial, or of a deal's paperwork, is no body that acts; a name of one word after "the" may be a
    // body's ("the Taliban") or a thing's ("the Act"): its noun does not say which.
    for (const thing of ["the National Cup", "the talks", "the budget", "the 2021 review", "the four days", "March", "the March", "the placebo group", "the Act", "the Taliban"]) {
      expect(isCollective(thing), thing).toBe(false);
    }
  });
});

describe("countedPhrase", () => {
  it("is the noun a 'how many' question counts, and none when a verb follows 'how many'", () => {
    expect(countedPhrase("How many people were injured?")).toBe("people");
    expect(countedPhrase("How many got sick there?")).toBeUndefined();
    expect(countedPhrase("How many were injured?")).toBeUndefined();
  });
});
