import { describe, expect, it } from "vitest";
import { ExtractiveAnswerer } from "../../../src/answer/extractive/extractive-answerer.js";
import { analyseQuestion } from "../../../src/retrieval/question-analysis.js";
import { createRetriever } from "../../../src/retrieval/retrieve.js";
import { asksWhoSomeoneIs, INTRODUCES_THEM } from "../../../src/retrieval/introduction.js";
import { askOverReports } from "../../helpers/ask-over-reports.js";
import { memoryIndex, testEmbeddings } from "../../helpers/memory-index.js";

const STRIKE = [
  "Tram drivers in Hollinsford will strike for 48 hours from Monday.",
  "Gareth Mullaney, the union's regional secretary, said the vote should leave no doubt about how drivers felt.",
  "He was elected regional secretary in 2019.",
  "Dr. Rachel Ingersoll, chief executive of the authority, said the offer was the most it could afford without cutting services.",
  "Mullaney rejected the call for a second ballot and said further dates would follow.",
].join(" ");

describe("who someone is, or what an acronym stands for", () => {
  it("is asked by a name and nothing else", () => {
    for (const q of ["Who is Rachel Ingersoll?", "who was Dai Pritchard", "Who's Alan Thirkell?", "Who is Dr. Rachel Ingersoll?"]) expect(asksWhoSomeoneIs(analyseQuestion(q))).toBe(true);
    for (const q of ["Who is the chief executive?", "Who is Mullaney's deputy?", "Who said the offer was too low?", "who is rachel ingersoll", "What is Hollinsford?"]) {
      expect(asksWhoSomeoneIs(analyseQuestion(q))).toBe(false);
    }
  });

  it("answers an acronym with the sentence that spells it out, and only there", async () => {
    const index = await memoryIndex({
      strike: "The TTWU called a strike on Monday. The Transport and Tramways Workers' Union (TTWU) said 2,146 members voted for it. The TTWU will meet the authority.",
      other: "The FDA approved the drug in March.",
    });
    const retrieve = createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 });
    const r = await retrieve("What is the TTWU?");
    expect(r.judgement).toMatchObject({ answerable: true, reason: INTRODUCES_THEM });
    expect(r.candidates[0]!.sentence.text).toMatch(/^The Transport and Tramways Workers' Union \(TTWU\)/);
    expect((await retrieve("What does FDA stand for?")).judgement.reason).not.toBe(INTRODUCES_THEM);
  });

  it("is answered by the sentence that introduces them, alone, though a bare name is far from it in meaning", async () => {
    const index = await memoryIndex({ strike: STRIKE });
    const retrieve = createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 });
    const r = await retrieve("Who is Rachel Ingersoll?");
    expect(r.judgement).toMatchObject({ answerable: true, reason: INTRODUCES_THEM });
    expect(r.candidates[0]!.sentence.text).toMatch(/^Dr\. Rachel Ingersoll, chief executive/);
    // Named in full once, then by surname: the full name's sentence introduces him.
    expect((await retrieve("Who is Mullaney?")).candidates[0]!.sentence.text).toMatch(/^Gareth Mullaney, the union's/);
    const ask = await askOverReports({ strike: STRIKE }, new ExtractiveAnswerer());
    const answer = await ask("Who is Gareth Mullaney?");
    expect(answer.citations.map((c) => c.text)).toEqual(["Gareth Mullaney, the union's regional secretary, said the vote should leave no doubt about how drivers felt."]);
  });

  it("is not answered by a headline naming them in passing", async () => {
    const index = await memoryIndex({
      chess: "Mateo Ilic becomes youngest world chess champion after beating Sandqvist in rapid tiebreak\n\nMateo Ilic became the youngest world chess champion on Saturday, beating the defending champion, Viktor Sandqvist, in a rapid tiebreak. Sandqvist said he would take a long rest.",
    });
    const r = await createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 })("Who is Sandqvist?");
    expect(r.judgement.reason).toBe(INTRODUCES_THEM);
    expect(r.candidates[0]!.sentence.text).toMatch(/defending champion, Viktor Sandqvist/);
  });

  it("is answered by the first mention when asked with the title of later ones", async () => {
    const earnings = "Chief executive Declan Forsyth said the company had been squeezed from two sides. Operating profit fell by a fifth. Mr Forsyth said he expected resin prices to ease next year.";
    const index = await memoryIndex({ earnings });
    const r = await createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 })("Who is Mr Forsyth?");
    expect(r.judgement.reason).toBe(INTRODUCES_THEM);
    expect(r.candidates[0]!.sentence.text).toMatch(/^Chief executive Declan Forsyth/);
  });

  it("asks who holds an office, answered only where a name stands beside it", async () => {
    const obituary = "Peggy Ainsworth, who became the town's first woman mayor, died on Wednesday. She was 94. The current mayor, Devinder Rathore, said flags would fly at half-mast.";
    const index = await memoryIndex({ obituary });
    const retrieve = createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 });
    expect((await retrieve("Who is the Mayor?")).judgement.reason).toBe(INTRODUCES_THEM);
    // "Who's" asks the same: never the earliest mention of the office, whoever held it.
    for (const q of ["Who is the Mayor?", "Who's the Mayor?", "who’s the mayor"]) {
      const r = await retrieve(q);
      if (r.judgement.reason === INTRODUCES_THEM) expect(r.candidates[0]!.sentence.text).toMatch(/^The current mayor, Devinder Rathore/);
    }
    // A title between the office and the name: the splitter once ended the sentence at "Cllr.", and it answered nothing.
    const titled = await memoryIndex({ obituary: "Peggy Ainsworth, the town's first woman mayor, died on Wednesday. The current mayor, Cllr. Devinder Rathore, said flags would fly at half-mast." });
    const s = await createRetriever({ index: () => titled, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 })("Who is the Mayor?");
    expect(s.judgement.reason).toBe(INTRODUCES_THEM);
    expect(s.candidates[0]!.sentence.text).toBe("The current mayor, Cllr. Devinder Rathore, said flags would fly at half-mast.");
  });

  it("is not answered by someone's words that name them", async () => {
    const index = await memoryIndex({ talks: "Annika Holm, the prime minister, spoke after the vote. \"I told Raj Patel that the deal was off,\" she said. The talks will resume in March." });
    const r = await createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 })("Who is Raj Patel?");
    expect(r.judgement.reason).not.toBe(INTRODUCES_THEM);
    // A quotation that runs on past the sentence is someone's words too; a nickname in quotation marks is not.
    const obituary = 'Margaret "Peggy" Ainsworth, the town\'s first woman mayor, died on Wednesday. She was 94. "Peggy Ainsworth was Pellbridge. We will not see her like again," he said.';
    const index2 = await memoryIndex({ obituary });
    const p = await createRetriever({ index: () => index2, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 })("Who was Peggy Ainsworth?");
    expect(p.judgement.reason).toBe(INTRODUCES_THEM);
    expect(p.candidates[0]!.sentence.text).toMatch(/^Margaret "Peggy" Ainsworth/);
  });

  it("cites the introduction alone, not the list it leads into", async () => {
    const merger = "The deal was examined by the Competition and Markets Board (CMB), which set two conditions:\n\n- Sell 86 stores to an approved buyer.\n- Keep prices level for two years.\n\nThe companies accepted both.";
    const ask = await askOverReports({ merger }, new ExtractiveAnswerer());
    const answer = await ask("Who is the CMB?");
    expect(answer.citations.map((c) => c.text)).toEqual(["The deal was examined by the Competition and Markets Board (CMB), which set two conditions:"]);
  });

  it("is not answered by a surname the report gives to more than one person", async () => {
    const obituary = "Margaret Ainsworth, the town's first woman mayor, died on Wednesday. In 1956 she married Douglas Ainsworth, a railway signalman. Mr Ainsworth died in 2011.";
    const index = await memoryIndex({ obituary });
    const retrieve = createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 });
    for (const q of ["Who is Mr Ainsworth?", "Who is Ainsworth?"]) expect((await retrieve(q)).judgement.reason).not.toBe(INTRODUCES_THEM);
    expect((await retrieve("Who is Douglas Ainsworth?")).candidates[0]!.sentence.text).toMatch(/^In 1956 she married Douglas Ainsworth/);
  });

  it("cites each report that spells an acronym out, or names an office's holder, otherwise than the best one", async () => {
    const ask = await askOverReports(
      {
        sea: "The Coastal Safety Board (CSB) closed the beach on Monday. The CSB said the water was unsafe.",
        rail: "The Central Signalling Bureau (CSB) blamed a cable fault for the delays. Trains ran late all day.",
        sea2: "Lifeguards were withdrawn after the Coastal Safety Board (CSB) issued its warning.",
      },
      new ExtractiveAnswerer(),
    );
    const answer = await ask("What does CSB stand for?");
    // Two bodies, each quoted once: the second report that spells out the Coastal Safety Board adds nothing.
    expect(answer.citations.map((c) => c.text.split(" (CSB)")[0]!.replace(/^.*the /iu, "")).sort()).toEqual(["Central Signalling Bureau", "Coastal Safety Board"]);
    expect(answer.text.split("\n")).toHaveLength(2);

    const mayors = await askOverReports(
      {
        leyton: "Leyton's mayor, Priya Shah, opened the new library on Saturday. It cost £4 million.",
        dunmore: "Dunmore's mayor, Colin Reeve, said the bypass would be finished by June. Work began last year.",
      },
      new ExtractiveAnswerer(),
    );
    const mayor = await mayors("Who is the Mayor?");
    expect(mayor.citations.map((c) => c.text).sort()).toEqual([
      "Dunmore's mayor, Colin Reeve, said the bypass would be finished by June.",
      "Leyton's mayor, Priya Shah, opened the new library on Saturday.",
    ]);
    // Asked of one report, its own.
    expect((await mayors("Who is the Mayor?", { reportIds: ["dunmore"] })).citations.map((c) => c.text)).toEqual(["Dunmore's mayor, Colin Reeve, said the bypass would be finished by June."]);
  });

  it("is not answered for a name no report holds", async () => {
    const index = await memoryIndex({ strike: STRIKE });
    const r = await createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 })("Who is Rachel Thirkell?");
    expect(r.judgement.answerable).toBe(false);
  });
});
