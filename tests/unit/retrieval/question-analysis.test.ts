import { describe, expect, it } from "vitest";
import { answerTypeOf, holdsAnswerType } from "../../../src/retrieval/answer-type.js";
import { analyseQuestion, predicateOf, splitQuestion } from "../../../src/retrieval/question-analysis.js";

const asked = (q: string) => analyseQuestion(q).askedWords;

describe("the kind of fact a question asks for", () => {
  it.each([
    ["How many ships were waiting?", "count"],
    ["How much did the city spend on roads?", "money"],
    ["How much higher did the river rise?", "amount"],
    ["What will the two new ferries cost?", "money"],
    ["How old is the mayor?", "age"],
    ["Which variety did they plant?", "name"],
    ["Which two countries signed?", "name"],
    ["Which of the four dissenters argued for a cut?", "name"],
    ["Which of them spoke first?", undefined],
    ["Which of the proposals was dropped?", undefined],
    ["Which plan did the council reject?", undefined],
    ["What percentage of voters turned out?", "amount"],
    ["How long did the talks last?", "duration"],
    ["When did the strike begin?", "time"],
    ["What year was the dam built?", "time"],
    ["What time did the ferry sink?", "clock"],
    ["At what time was the road closed?", "clock"],
    ["What time of year do the geese arrive?", "time"],
    ["What time period does the survey cover?", "time"],
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
    const surveyed = asked("How many teachers were surveyed?");
    expect(holdsAnswerType("count", "One in five teachers said pupils arrived hungry.", surveyed)).toBe(false);
    expect(holdsAnswerType("count", "Three out of ten teachers said so.", surveyed)).toBe(false);
    expect(holdsAnswerType("count", "Pupils at one of the pilot schools were surveyed.", asked("How many pilot schools were there?"))).toBe(false);
    expect(holdsAnswerType("count", "The union surveyed 1,240 teachers.", surveyed)).toBe(true);
    expect(holdsAnswerType("count", "The storms killed five in 2024.", asked("How many did the storms kill?"))).toBe(true);
  });

  it("wants the hour for what time, which a day or a number of hours does not give", () => {
    const q = asked("What time did the roof fall?");
    expect(holdsAnswerType("clock", "The roof fell at 9:40 p.m. on Tuesday.", q)).toBe(true);
    expect(holdsAnswerType("clock", "The roof fell shortly after midnight.", q)).toBe(true);
    // British copy gives the hour without "a.m." where the day says it.
    expect(holdsAnswerType("clock", "The roof fell at 10.30 on Thursday.", q)).toBe(true);
    expect(holdsAnswerType("clock", "Shortly after 10 on Friday night, the roof fell.", q)).toBe(true);
    expect(holdsAnswerType("clock", "The roof fell at half past nine.", q)).toBe(true);
    expect(holdsAnswerType("clock", "The roof fell in the early hours of Sunday.", q)).toBe(true);
    expect(holdsAnswerType("clock", "Shortly after 10 people had left, the roof fell.", q)).toBe(false);
    expect(holdsAnswerType("clock", "Rents rose by about 10.50 per cent.", q)).toBe(false);
    expect(holdsAnswerType("clock", "The crew was brought out early on Thursday, 31 hours after the roof fell.", q)).toBe(false);
  });

  it("wants a date or time for when, a duration for how long, and someone the question did not name for who", () => {
    expect(holdsAnswerType("time", "The strike began on Thursday.", asked("When did it begin?"))).toBe(true);
    expect(holdsAnswerType("time", "The strike was long and bitter.", asked("When did it begin?"))).toBe(false);
    const found = asked("When was the breach found?");
    expect(holdsAnswerType("time", "The firm said the week between discovery and notice was needed.", found)).toBe(false);
    expect(holdsAnswerType("time", "The breach was found a week before the notice.", found)).toBe(true);
    expect(holdsAnswerType("time", "It was found last month.", found)).toBe(true);
    expect(holdsAnswerType("time", "The review will report by the end of the year.", found)).toBe(true);
    expect(holdsAnswerType("time", "It will be fixed within a month.", found)).toBe(true);
    expect(holdsAnswerType("time", "Finding it took two weeks.", found)).toBe(false);
    expect(holdsAnswerType("time", "A quarter of the staff were told.", found)).toBe(false);
    expect(holdsAnswerType("time", "It followed three years of talks.", found)).toBe(false);
    expect(holdsAnswerType("duration", "It collapsed after four days of negotiations.", asked("How long did it last?"))).toBe(true);
    expect(holdsAnswerType("duration", "It collapsed in Istanbul.", asked("How long did it last?"))).toBe(false);
    expect(holdsAnswerType("person", "The talks were mediated by Aino Lehtinen.", asked("Who mediated the talks?"))).toBe(true);
    expect(holdsAnswerType("person", "The talks in Geneva were mediated.", asked("Who mediated the talks in Geneva?"))).toBe(false);
  });

  it("wants a place, or a name, that the question did not already give", () => {
    const where = "Where in Portugal was his holiday home?";
    expect(holdsAnswerType("place", "The money paid for a holiday home in Portugal.", asked(where))).toBe(false);
    expect(holdsAnswerType("place", "The house, near Faro in Portugal, was sold.", asked(where))).toBe(true);
    expect(holdsAnswerType("place", "The money paid for a holiday home in Portugal's Algarve.", asked(where))).toBe(true);
    expect(holdsAnswerType("place", "He bought a holiday home in Portugal in March.", asked(where))).toBe(false);
    expect(holdsAnswerType("place", "The holiday home belonged to Portugal's Prime Minister.", asked(where))).toBe(false);
    expect(holdsAnswerType("place", "The home in Portugal's Algarve was sold.", asked("Where in Portugal's south was the home?"))).toBe(true);
    expect(holdsAnswerType("place", "The home was in Portugal.", asked("Where in Portugal's south was the home?"))).toBe(false);
    const wards = analyseQuestion("Which two wards at Lowmere General were closed?");
    expect(wards.askedThing).toBe("wards");
    expect(holdsAnswerType("name", "Two wards at Lowmere General have been closed.", wards.askedWords, wards.askedThing)).toBe(false);
    expect(holdsAnswerType("name", "Ash and Birch, two wards at Lowmere General, have been closed.", wards.askedWords, wards.askedThing)).toBe(true);
  });

  it("takes a quotation for a name only when it is not the question's own words", () => {
    const q = analyseQuestion("Which of the four dissenters argued that cutting now risks having to reverse course?");
    expect(q.askedThing).toBe("dissenters");
    expect(holdsAnswerType("name", '"Cutting now risks having to reverse course," the minutes quoted one of the four as arguing.', q.askedWords, q.askedThing)).toBe(false);
    const slogan = analyseQuestion("Which slogan did the campaign use?");
    expect(holdsAnswerType("name", 'The campaign ran under the slogan "Build it here".', slogan.askedWords, slogan.askedThing)).toBe(true);
    expect(holdsAnswerType("name", "The campaign's slogan echoed the party's old one.", slogan.askedWords, slogan.askedThing)).toBe(false);
    expect(holdsAnswerType("name", "The campaign ran under the slogan 'we can't stop now'.", slogan.askedWords, slogan.askedThing)).toBe(true);
    expect(holdsAnswerType("name", 'The campaign ran under the slogan "we can\'t stop now".', slogan.askedWords, slogan.askedThing)).toBe(true);
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

describe("facts of a narrower kind", () => {
  it("wants a sum of money for a cost, and does not count money or shares as a head count", () => {
    expect(holdsAnswerType("money", "Two new vessels are being built and the first is due in 2028.", asked("What will the vessels cost?"))).toBe(false);
    expect(holdsAnswerType("money", "The two vessels will cost £48 million.", asked("What will the vessels cost?"))).toBe(true);
    expect(holdsAnswerType("money", "The deal is worth 12 million euros.", asked("How much is the deal worth?"))).toBe(true);
    expect(holdsAnswerType("count", "Energy costs at the mill rose by £8.3 million in 2023.", asked("How many people work at the mill?"))).toBe(false);
    expect(holdsAnswerType("count", "Turnout was 47.6 per cent.", asked("How many people voted?"))).toBe(false);
    expect(holdsAnswerType("count", "The mill employs 240 people.", asked("How many people work at the mill?"))).toBe(true);
  });

  it("does not take the number in a name or code for a count", () => {
    const q = "How many patients are enrolled in CLEARVIEW-3?";
    expect(holdsAnswerType("count", "A second trial, CLEARVIEW-3, in patients with chronic migraine, is fully enrolled.", asked(q))).toBe(false);
    expect(holdsAnswerType("count", "CLEARVIEW-3 enrolled 1,140 patients.", asked(q))).toBe(true);
    expect(holdsAnswerType("figure", "The A320 fleet was grounded.", asked("What was the fleet's output?"))).toBe(false);
  });

  it("does not take a telephone number for a count", () => {
    const q = "How many toys were sold?";
    expect(holdsAnswerType("count", "Customers can reach the recall line on 1-800-555-0142 from 8 a.m.", asked(q))).toBe(false);
    expect(holdsAnswerType("count", "Call (0161) 496 0000 for a refund.", asked(q))).toBe(false);
    expect(holdsAnswerType("count", "About 268,000 toys were sold; call 1-800-555-0142.", asked(q))).toBe(true);
  });

  it("for 'which …?', does not take a sentence that mentions the things asked for without naming them", () => {
    const which = (q: string, text: string) => {
      const a = analyseQuestion(q);
      return holdsAnswerType(a.answerType, text, a.askedWords, a.askedThing);
    };
    expect(analyseQuestion("In which nine countries was the trial run?").askedThing).toBe("countries");
    expect(analyseQuestion("What are the names of the injected antibodies already on the market?")).toMatchObject({ answerType: "name", askedThing: "antibodies" });
    expect(which("In which nine countries was the trial run?", "The trial was run at 88 clinics in nine countries and paid for by Ostrander Pharmaceuticals.")).toBe(false);
    expect(which("Which supermarkets sold the toys?", "They were sold in Canada, at toy shops, supermarkets and online, from April.")).toBe(false);
    // Named beside the mention, part of a name, or pointed back to ("the two countries"): the sentence may answer.
    expect(which("Which companies bid for the contract?", "Three companies, Acme, Borel and Castell, bid for the contract.")).toBe(true);
    expect(which("Which hospital treated the injured?", "Seven of the injured were taken to St. Brendan's Hospital in Hanford Mills.")).toBe(true);
    expect(which("Which countries brokered the ceasefire?", "Turkish and Qatari officials brokered the ceasefire between the two countries.")).toBe(true);
    expect(which("Which variety did they plant?", "Farmers planted Kestrel, a drought-tolerant variety.")).toBe(true);
    // Named further on in the same clause, after "including" or a colon.
    expect(which("Which supermarkets sold the rattles?", "The rattles were sold in supermarkets across the north of England, including Freshway, Corlett's and Bramble Market.")).toBe(true);
    expect(which("Which countries signed?", "It was signed by countries from three continents: Norway, Chile and Kenya.")).toBe(true);
    // "in the name of" asks for no name.
    expect(analyseQuestion("What is being done in the name of public safety?").answerType).toBeUndefined();
  });

  it("does not take a number the question itself states for the answer", () => {
    const q = "How many of the 18 farmers saw a difference?";
    expect(holdsAnswerType("count", "His farm was among the 18 in the trial.", asked(q))).toBe(false);
    expect(holdsAnswerType("count", "Of the 18 farmers, 11 saw a difference.", asked(q))).toBe(true);
    expect(holdsAnswerType("count", "All nine deaths were in the valley.", asked("How many of the nine deaths were in Tarnwick?"))).toBe(false);
    expect(holdsAnswerType("figure", "The 2.5 per cent rise starts in May.", asked("What was the 2.5 per cent rise's cost?"))).toBe(false);
  });

  it("wants an age for how old, a length or a duration for how long, and a name for which", () => {
    expect(holdsAnswerType("age", "Rosalind Achterberg will be the next mayor after one of the closest contests.", asked("How old is Rosalind Achterberg?"))).toBe(false);
    expect(holdsAnswerType("age", "Achterberg, 54, is a former teacher.", asked("How old is Achterberg?"))).toBe(true);
    expect(holdsAnswerType("age", "The 31-year-old forward scored twice.", asked("How old is the forward?"))).toBe(true);
    expect(holdsAnswerType("duration", "The court struck down the permit for a 212-mile oil pipeline.", asked("How long is the pipeline?"))).toBe(true);
    expect(holdsAnswerType("duration", "The pipeline's owner has spent £10m on the route.", asked("How long is the pipeline?"))).toBe(false);
    expect(holdsAnswerType("name", "The team also tested only a single winter wheat variety.", asked("Which wheat variety did they use?"))).toBe(false);
    expect(holdsAnswerType("name", "The trial used the wheat variety Skagen.", asked("Which wheat variety did they use?"))).toBe(true);
  });

  it("takes a span's bound for how long only when it names a time, as a whole word", () => {
    const howLong = asked("How long will the road stay closed?");
    for (const bound of ["from mid-March", "from the weekend", "through the winter months", "from next Monday", "from tonight", "from late 2019"]) {
      expect(holdsAnswerType("duration", `The road stays closed ${bound}.`, howLong)).toBe(true);
    }
    for (const notABound of ["with a statement from the mayor", "a convoy from Marseille", "the figures from the latest survey", "fuel from this tanker", "a lorry from the Midlands"]) {
      expect(holdsAnswerType("duration", `The road was closed after ${notABound}.`, howLong)).toBe(false);
    }
  });

  it("takes any 'until' for how long, which bounds a span whatever follows it", () => {
    const howLong = asked("How long will the museum stay closed?");
    for (const until of ["until at least Saturday", "until further notice", "until the cause is understood", "until after 11 p.m."]) {
      expect(holdsAnswerType("duration", `The museum will stay closed ${until}.`, howLong)).toBe(true);
    }
  });
});

describe("words related to the question's", () => {
  it("gives a word the stems one WordNet relation away, apart from its synonyms, and a name none", () => {
    const terms = analyseQuestion("When is the Harlow victory procession?").terms;
    const procession = terms.find((t) => t.surface === "procession")!;
    expect(procession.related).toContain("parad");
    expect(procession.related.some((r) => procession.synonyms.includes(r) || r === procession.stem)).toBe(false);
    expect(terms.find((t) => t.surface === "Harlow")!.related).toEqual([]);
  });
});

describe("a measure asked for by name", () => {
  it.each([
    ["What was the score in the National Cup final?", "figure"],
    ["What was the turnout in Tarnwick?", "figure"],
    ["What was Corvane's operating profit in the third quarter?", "figure"],
    ["What was this year's budget?", "figure"],
    ["What operating profit does Corvane now expect for the full year?", "figure"],
    ["What position did Omar Samad hold before?", undefined],
    ["What is the outlook for the talks?", undefined],
    ["What was the purpose of the meeting?", undefined],
  ])("%s → %s", (q, type) => expect(answerTypeOf(q)).toBe(type));

  it("is a figure in digits, not an age, a year, or a number in words", () => {
    const q = asked("What was the score in the final?");
    expect(holdsAnswerType("figure", "Harlow won the cup on Saturday, beating Rovers 3-1.", q)).toBe(true);
    expect(holdsAnswerType("figure", "Turnout was 47.6 per cent.", q)).toBe(true);
    expect(holdsAnswerType("figure", "The 31-year-old became the first player to score in four consecutive finals.", q)).toBe(false);
    expect(holdsAnswerType("figure", "It was the highest turnout since 1998.", q)).toBe(false);
    expect(holdsAnswerType("figure", "Its operating profit fell by almost a third.", q)).toBe(false);
  });
});

describe("words that say what kind of answer is wanted", () => {
  it("are not words the answer must contain", () => {
    expect(analyseQuestion("what time did the breach happen").terms.map((t) => t.surface)).toEqual(["breach"]);
    expect(analyseQuestion("Which year was the dam built?").terms.map((t) => t.surface)).toEqual(["dam", "built"]);
  });

  it("include 'mean' and 'stand for' of an acronym, and of nothing else", () => {
    expect(analyseQuestion("What does MFWU mean?").terms.map((t) => t.surface)).toEqual(["MFWU"]);
    expect(analyseQuestion("what does the TTWU stand for").terms.map((t) => t.surface)).toEqual(["TTWU"]);
    expect(analyseQuestion("What does MFWU Mean?").terms.map((t) => t.surface)).toEqual(["MFWU"]);
    expect(analyseQuestion("what does split shifts mean").terms.map((t) => t.surface)).toContain("mean");
  });
});

describe("a sentence that opens with a name", () => {
  it("names someone for who, when the first word is no English word or someone is described after it", () => {
    const q = asked("Who was named player of the match?");
    expect(holdsAnswerType("person", "Vellucci, who was named player of the match, said he was proud.", q)).toBe(true);
    expect(holdsAnswerType("person", "Bell, who was named player of the match, said he was proud.", q)).toBe(true);
    expect(holdsAnswerType("person", "However, the player of the match was named late.", q)).toBe(false);
    expect(holdsAnswerType("person", "Meanwhile the player of the match was named.", q)).toBe(false);
    // Function words that WordNet, a dictionary of content words, does not list.
    for (const opener of ["Amid", "Upon", "Although", "Whilst", "Whereas", "Towards"]) {
      expect(holdsAnswerType("person", `${opener} the match, the player was named late.`, q), opener).toBe(false);
    }
  });
});

describe("irregular forms", () => {
  it("of the question's words are searched for too", () => {
    expect(analyseQuestion("Who wrote for the majority?").lexicalQuery).toMatch(/\bwrite\b/);
    expect(analyseQuestion("Who is leading the inquiry?").lexicalQuery).toMatch(/\bled\b/);
  });
});

describe("the question's main verb", () => {
  it.each([
    ["When was the fuel depot on the northern quay repaired?", "repaired"],
    ["What did Judge Adeyemi write in his opinion?", "write"],
    ["How much did the NGA pay large users?", "pay"],
    ["Who wrote for the majority?", "wrote"],
    ["who is leading the independent inquiry", "leading"],
    ["what were the deaths in the cold snap linked to", "linked"],
    ["What was the purpose of the Istanbul meeting?", undefined],
    ["Who is Omar Samad?", undefined],
    // Nouns that end like participles, or that a noun's irregular plural would make a verb ("men" → "to man").
    ["When was the speed limit raised?", "raised"],
    ["When was the garden opened?", "opened"],
    ["When were the men arrested?", "arrested"],
    // A verb that leads on to another gives way to it.
    ["what were his remarks meant to counter", "counter"],
    ["When is the plant expected to reopen?", "reopen"],
    // After other verbs "to" opens a place or a thing.
    ["When was power restored to homes?", "restored"],
    ["When was the case referred to court?", "referred"],
    ["When was the ferry returned to service?", "returned"],
  ])("%s → %s", (q, verb) => expect(predicateOf(q)).toBe(verb));

  it("is the question's term, for the features to look for", () => {
    expect(analyseQuestion("How many votes did Osei-Brandt win in 2022?").predicate?.surface).toBe("win");
  });
});
