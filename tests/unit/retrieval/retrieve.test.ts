import { beforeAll, describe, expect, it } from "vitest";
import { ANSWER_FEATURE_NAMES } from "../../../src/retrieval/answer-features.js";
import type { AnswerabilityModel } from "../../../src/retrieval/answerability-model.js";
import { RANKING_FEATURE_NAMES } from "../../../src/retrieval/features.js";
import { createRetriever, type Retrieve } from "../../../src/retrieval/retrieve.js";
import type { SearchIndex } from "../../../src/retrieval/search-index.js";
import { memoryIndex, testEmbeddings } from "../../helpers/memory-index.js";

const HARBOUR =
  "Dock workers in Valparaiso began a strike on Thursday over unpaid wages. The port authority said 14 ships were waiting offshore. " +
  "Union leader Marta Rojas said the workers would stay out until every wage was paid. The government called for calm.";
const FIRE_A =
  "A warehouse fire in Carrow burned for six hours on Sunday. Carrow's fire chief, Dana Whitlow, said the roof collapsed at noon. " +
  "U.S. officials said the blaze was not suspicious. The Food and Drug Administration (FDA) checked the stored medicines.";
const FIRE_B = "A grass fire near Brenna was put out within an hour. Brenna's fire chief, Olu Mensah, praised the volunteers.";
const ORCHARD =
  "A late frost damaged apple orchards across the Bekaa valley in April. Farmers estimated that half of the harvest was lost. " +
  "The agriculture ministry promised compensation within three months.";

let index: SearchIndex;
let retrieve: Retrieve;
beforeAll(async () => {
  index = await memoryIndex({ harbour: HARBOUR, orchard: ORCHARD, "fire-a": FIRE_A, "fire-b": FIRE_B });
  retrieve = createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 });
});

describe("retrieve", () => {
  it("ranks the sentence that answers first, with the evidence it was judged on", async () => {
    const r = await retrieve("How many ships were waiting offshore?");
    expect(r.candidates[0]?.sentence.text).toBe("The port authority said 14 ships were waiting offshore.");
    expect(r.candidates[0]?.features.similarity).toBeGreaterThan(0.3);
    expect(r.judgement.answerable).toBe(true);
    expect(r.timings.embedMs).toBeGreaterThan(0);
    const scores = r.candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("judges a question about someone the reports never mention unanswerable", async () => {
    const r = await retrieve("What did Gabriel Boric say about the strike?");
    expect(r.judgement.answerable).toBe(false);
  });

  it("lets only a sentence whose own report holds the question's names answer it", async () => {
    const r = await retrieve("Who is Brenna's fire chief?");
    const carrow = r.candidates.find((c) => c.report.id === "fire-a" && c.sentence.text.includes("fire chief"));
    const brenna = r.candidates.find((c) => c.report.id === "fire-b" && c.sentence.text.includes("fire chief"));
    expect(carrow?.namesInOwnReport).toBe(false);
    expect(brenna?.namesInOwnReport).toBe(true);
  });

  it("forgives aliases and acronyms the report defines in the name check", async () => {
    for (const q of ["What did American officials say about the blaze?", "What did the FDA check in Carrow?", "What did the Food and Drug Administration check?"]) {
      const r = await retrieve(q);
      expect(r.candidates.filter((c) => c.report.id === "fire-a").every((c) => c.namesInOwnReport)).toBe(true);
    }
  });

  it("finds a name beside a sentence when the sentence has part of it and the report has the rest", async () => {
    const r = await retrieve("What did Marta Rojas say about the wages?");
    const rojas = r.candidates.find((c) => c.sentence.text.startsWith("Union leader Marta Rojas"))!;
    expect(rojas.features.namesInContext).toBe(1);
    const later = await memoryIndex({ strike: `${HARBOUR} Rojas said the talks had stalled.` });
    const again = await createRetriever({ index: () => later, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 })("What did Marta Rojas say about the talks?");
    expect(again.candidates.find((c) => c.sentence.text === "Rojas said the talks had stalled.")!.features.namesInContext).toBe(1);
  });

  it("takes an interviewer's question as context for the reply after it, not for the sentence before it", async () => {
    const interview = await memoryIndex({
      ferry: "The hybrid ships were meant to arrive this year. What went wrong? The yard ran into problems with its battery supplier.",
    });
    const r = await createRetriever({ index: () => interview, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 })("What went wrong with the hybrid ships?");
    const setup = r.candidates.find((c) => c.sentence.text.startsWith("The hybrid ships"))!;
    expect(setup.features.contextCoverage).toBeLessThan(1);
    expect(r.judgement.answerable && r.candidates[r.judgement.answerAt!]!.sentence.text.startsWith("The hybrid ships")).toBe(false);
  });

  it("counts two people joined by 'and' as two names, not one found through either", async () => {
    // The report names both, far apart: joined in one name, Rojas's sentence would count Whitlow as found beside it.
    const both = await memoryIndex({ strike: `${HARBOUR} Talks resumed on Monday. Dana Whitlow, the port's lawyer, spoke later.` });
    const r = await createRetriever({ index: () => both, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 })("What did Marta Rojas and Dana Whitlow say?");
    const rojas = r.candidates.find((c) => c.sentence.text.startsWith("Union leader Marta Rojas"))!;
    expect(rojas.features.namesInContext).toBe(0.5);
  });

  it("takes a name in the report's headline as said beside every sentence of it", async () => {
    const text = "The river rose two metres overnight. Volunteers filled sandbags at the fire station. The mayor, Ruth Okafor, declared a local emergency at noon. Engineers said the old levee held.";
    const titled = await memoryIndex({ Millbrook: text, other: text });
    const r = await createRetriever({ index: () => titled, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 })("Who declared a local emergency in Millbrook?");
    const declared = (id: string) => r.candidates.find((c) => c.report.id === id && c.sentence.text.startsWith("The mayor"))!;
    expect(declared("Millbrook").features.namesInContext).toBe(1);
    expect(declared("other").features.namesInContext).toBe(0);
  });

  it("finds the question's main verb in an irregular form of it", async () => {
    const led = await memoryIndex({ inquiry: "The board announced an independent inquiry, led by a retired judge, Ada Penrose. It reports in May." });
    const r = await createRetriever({ index: () => led, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 })("Who is leading the independent inquiry?");
    const sentence = r.candidates.find((c) => c.sentence.text.startsWith("The board"))!;
    expect(sentence.features.predicateMissing).toBe(0);
  });

  it("answers what someone said only with a sentence that gives words: its own, or the one leading into it", async () => {
    const text =
      "Pakistan pressed Kabul to classify the Taliban as a terrorist group. The Defence Minister said the demand was political. " +
      "The Interior Minister told reporters:\n\n- Kabul must stop sheltering militants.\n- Islamabad must halt airspace violations.\n\nThe talks ended on Friday.";
    const talks = await memoryIndex({ talks: text });
    const r = createRetriever({ index: () => talks, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 });
    const verbless = async (q: string, start: string) => (await r(q)).candidates.find((c) => c.sentence.text.startsWith(start))!.features.predicateMissing;
    expect(await verbless("What did the Taliban say?", "Pakistan pressed")).toBe(1);
    expect((await r("What did the Taliban say?")).judgement.answerable).toBe(false);
    expect(await verbless("What did the Defence Minister say?", "The Defence Minister")).toBe(0);
    expect(await verbless("What did the Interior Minister say?", "Kabul must")).toBe(0);
    expect(await verbless("What did the Interior Minister say?", "The talks ended")).toBe(1);
    expect(await verbless("What did Pakistan press Kabul to do?", "Pakistan pressed")).toBe(0);
  });

  it("reads a name asked without its middle name as the report's phrase, and only a name", async () => {
    const text = "Pakistan's Defence Minister, Khawaja Muhammad Asif, warned of unilateral action. Talks on trade and fresh water ended early.";
    const talks = await memoryIndex({ talks: text });
    const r = createRetriever({ index: () => talks, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 });
    const phrases = async (q: string, start: string) => (await r(q)).candidates.find((c) => c.sentence.text.startsWith(start))!.features.phrases;
    expect(await phrases("Who is Khawaja Asif?", "Pakistan's")).toBe(1);
    expect(await phrases("What about trade water?", "Talks")).toBe(0);
  });

  it("counts what the report has established as said in the sentence for the answer: the headline's words, part of a name, an irregular form", async () => {
    const text = "The river rose two metres overnight. The mayor, Ruth Okafor, declared a local emergency at noon. The Energy Board spent £2 million on pumps.";
    const titled = await memoryIndex({ "Millbrook flood": text, other: text });
    const at = async (q: string, id: string, start: string) => {
      const r = await createRetriever({ index: () => titled, embedQuery: (x) => testEmbeddings().embedQuery(x), topK: 8 })(q);
      return r.candidates.find((c) => c.report.id === id && c.sentence.text.startsWith(start))!.features;
    };
    const declared = await at("Who declared a local emergency in Millbrook?", "Millbrook flood", "The mayor");
    expect(declared.coverage).toBeLessThan(1);
    expect(declared.anchoredCoverage).toBe(1);
    expect((await at("Who declared a local emergency in the flood?", "other", "The mayor")).anchoredCoverage).toBeLessThan(1);
    expect((await at("How much did the Millbrook Energy Board spend on pumps?", "Millbrook flood", "The Energy Board")).anchoredCoverage).toBe(1);
  });

  it("puts the sentence it answers with first, and says so: the engine's checks read the answer where the judgement points", async () => {
    // A sentence model that ranks a sentence holding a count lower, and an answer model sure of anything: the count's
    // sentence is answered with from below the first.
    const model: AnswerabilityModel = {
      version: 2,
      sentence: { features: [...RANKING_FEATURE_NAMES], mean: RANKING_FEATURE_NAMES.map(() => 0), scale: RANKING_FEATURE_NAMES.map(() => 1), weights: RANKING_FEATURE_NAMES.map((f) => (f === "typeInSentence" ? -0.6 : f === "coverage" ? 1 : 0)), bias: 0 },
      answer: { features: [...ANSWER_FEATURE_NAMES], bias: 3, stumps: [] },
      thresholds: { answer: 0.5, answerWordForWord: 0.5, relatedSimilarity: 0 },
    };
    const r = await createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8, model })("How many ships were waiting offshore in Valparaiso?");
    expect(r.judgement.answerable).toBe(true);
    expect(r.candidates[r.judgement.answerAt!]!.sentence.text).toBe("The port authority said 14 ships were waiting offshore.");
  });

  it("reads a country's adjective in the question as its name in a phrase: the Pakistani minister is Pakistan's", async () => {
    const talks = await memoryIndex({
      talks:
        "Afghanistan's Defence Minister, Mawlawi Mohammad Yaqoob Mujahid, rejected the demand, saying countries including Pakistan misuse the term. " +
        "Ahead of the talks, Pakistan's Defence Minister, Khawaja Muhammad Asif, had warned of unilateral measures.",
    });
    const r = await createRetriever({ index: () => talks, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 })("Who is the Pakistani defence minister?");
    const phrases = (start: string) => r.candidates.find((c) => c.sentence.text.startsWith(start))!.features.phrases;
    expect(phrases("Ahead of the talks")).toBeGreaterThan(phrases("Afghanistan's Defence Minister"));
  });

  it("keeps to the reports it is given", async () => {
    const r = await retrieve("When did the strike begin?", { reportIds: ["orchard"] });
    expect(r.candidates.every((c) => c.report.id === "orchard")).toBe(true);
  });

  it("gives the sentences around a candidate from the same index, in reading order", async () => {
    const r = await retrieve("How many ships were waiting offshore?");
    const around = r.around(r.candidates[0]!.sentence, 1, 1).map((s) => s.index);
    expect(around).toEqual([0, 1, 2]);
  });
});
