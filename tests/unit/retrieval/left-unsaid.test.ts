import { beforeAll, describe, expect, it } from "vitest";
import { leftUnsaidCheck } from "../../../src/retrieval/left-unsaid.js";
import { createRetriever, type Retrieve } from "../../../src/retrieval/retrieve.js";
import { stems } from "../../../src/text/terms.js";
import { memoryIndex, testEmbeddings } from "../../helpers/memory-index.js";

// What the question asks about and its verb stand for all its words here; what the rest of the sentence states is
// tested through retrieval below.
const unsaid = (question: string, asked: string, sentence: string) =>
  leftUnsaidCheck(question, { askedStems: new Set(stems(asked)), questionStems: new Set(stems(asked)), statesAsked: () => false })(sentence);

describe("a sentence that says what the question asks is unsaid", () => {
  it("answers no question of the kind it says is unsaid", () => {
    expect(unsaid("How much were the satellites insured for?", "insured", "Dr. Feld said the two satellites had been insured, but he declined to say for how much.")).toBe(true);
    expect(unsaid("How long will the repairs take?", "take", "She would not say how long that might take.")).toBe(true);
    expect(unsaid("Why didn't the board act sooner?", "act", "He did not say why the board waited.")).toBe(false);
    expect(unsaid("Why did the board wait?", "wait", "He did not say why the board waited.")).toBe(true);
    expect(unsaid("Which conclusions does he dispute?", "conclusions dispute", "He has not said which conclusions he disputes.")).toBe(true);
  });

  it("answers no question about what it says is unsaid, after the phrase or before it in a that-clause", () => {
    expect(unsaid("Which city will host the 2028 Candidates Tournament?", "city host", "The next tournament is due to be held in 2028, although the WCU has not yet named the host city.")).toBe(true);
    expect(unsaid("Which farm supplied the eggs?", "farm supplied", "The agency is tracing the eggs to a farm in the Wyle valley that it has not named.")).toBe(true);
    expect(unsaid("What is the drug's price?", "price", "It is yet to set a price for the drug.")).toBe(true);
    expect(unsaid("When will the names be released?", "released", "The names were not released.")).toBe(true);
  });

  it("answers no question that someone in the report asks too, but does answer one a reply to it opens", () => {
    const breach = '"We will be asking Vantora why live customer data was sitting in a test system, and why it took more than a week for customers to be told.';
    expect(unsaid("Why did it take more than a week to tell customers?", "take week tell customers", breach)).toBe(true);
    expect(unsaid("When will the road reopen?", "road reopen", "Residents want to know when the road will reopen.")).toBe(true);
    expect(unsaid("How much will the repairs cost?", "repairs cost", "Councillors asked how much the repairs would cost.")).toBe(true);
    expect(unsaid("Why did the plant close?", "plant close", "Asked why the plant closed, Smith said it had lost its biggest customer.")).toBe(false);
    expect(unsaid("Why did the plant close?", "plant close", "When asked why the plant closed, Smith said it had lost its biggest customer.")).toBe(false);
    expect(unsaid("Why did the plant close?", "plant close", "Smith, asked why the plant closed, said it had lost its biggest customer.")).toBe(false);
    expect(unsaid("Why did the plant close?", "plant close", "The mayor, when asked why the plant closed, said it had lost its biggest customer.")).toBe(false);
    expect(unsaid("Why were residents asked to leave?", "residents leave", "Police asked residents to leave because the dam could fail.")).toBe(false);
    // "who" after those asked says who they are; right after the asking it is the question.
    expect(unsaid("Who was arrested on Friday?", "arrested friday", "Detectives questioned two men who were arrested on Friday.")).toBe(false);
    expect(unsaid("Who was driving the van?", "driving van", "Police want to know who was driving the van.")).toBe(true);
    // A request's "when" is no question.
    expect(unsaid("When did the dam begin to crack?", "dam begin crack", "Residents were asked to leave when the dam began to crack on Tuesday.")).toBe(false);
  });

  it("still answers what the sentence does say, beside what it leaves unsaid", () => {
    expect(unsaid("When is the bank's next meeting?", "meeting", "She declined to say whether the bank would cut again at its next meeting, on February 4, 2027.")).toBe(false);
    expect(unsaid("How many workers does the company have?", "workers", "The company, which has 300 workers, declined to comment.")).toBe(false);
    expect(unsaid("Who refereed the match?", "refereed", "The referee, Martin Sayer, waved play on, and the video assistant did not intervene.")).toBe(false);
  });

  it("leaves yes-or-no questions, questions about what was said and questions about a refusal to the other checks", () => {
    expect(unsaid("Did Feld say how much the satellites were insured for?", "insured", "He declined to say for how much.")).toBe(false);
    expect(unsaid("What did Feld say about the insurance?", "insurance", "He declined to say for how much.")).toBe(false);
    expect(unsaid("Who has not named the host city?", "named", "The WCU has not yet named the host city.")).toBe(false);
  });
});

describe("what the rest of the sentence still states", () => {
  const BRIDGE =
    "The Carrow bridge closed on Monday, and it is not known when it will reopen. " +
    "The council has not yet said how much the repairs will cost. " +
    "The board did not announce the contractor until Friday. " +
    "Twelve people were hurt, and it is not yet known how many cars fell.";
  let retrieve: Retrieve;
  beforeAll(async () => {
    const index = await memoryIndex({ bridge: BRIDGE });
    retrieve = createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 });
  });
  const leftUnsaid = async (question: string, sentenceStart: string) => {
    const r = await retrieve(question);
    const c = r.candidates.find((x) => x.sentence.text.startsWith(sentenceStart));
    if (!c) throw new Error(`no candidate starting "${sentenceStart}"`);
    return c.features.leftUnsaid;
  };

  it("answers what it says, beside what it leaves unsaid", async () => {
    expect(await leftUnsaid("When did the Carrow bridge close?", "The Carrow bridge closed")).toBe(0);
    expect(await leftUnsaid("How many people were hurt?", "Twelve people were hurt")).toBe(0);
    expect(await leftUnsaid("When did the board announce the contractor?", "The board did not announce")).toBe(0);
  });

  it("answers nothing it leaves unsaid", async () => {
    expect(await leftUnsaid("When will the Carrow bridge reopen?", "The Carrow bridge closed")).toBe(1);
    expect(await leftUnsaid("How much will the repairs cost?", "The council has not yet said")).toBe(1);
    expect(await leftUnsaid("How many cars fell?", "Twelve people were hurt")).toBe(1);
  });
});
