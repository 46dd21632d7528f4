import { describe, expect, it } from "vitest";
import type { AnswerRequest, Answerer } from "../../../src/answer/answerer.js";
import { ExtractiveAnswerer } from "../../../src/answer/extractive/extractive-answerer.js";
import { SETTLED_BY, settled } from "../../../src/engine/settle-close-call.js";
import { CONFIDENT } from "../../../src/retrieval/answerability.js";
import type { Retrieval, RetrieveOptions } from "../../../src/retrieval/retrieve.js";
import { askOverReports } from "../../helpers/ask-over-reports.js";

const REPORT = [
  "Peggy Whitson was born in 1960 in Iowa.",
  "She flew to the space station three times.",
  "Whitson has two children and lives in Houston.",
  "She retired from NASA in 2018.",
].join(" ");

/** The offline answerer, recording the candidates it was offered. */
function recordingExtractive(): Answerer & { offered: AnswerRequest["candidates"][] } {
  const inner = new ExtractiveAnswerer();
  const offered: AnswerRequest["candidates"][] = [];
  return { name: inner.name, offered, answer: (request) => (offered.push(request.candidates), inner.answer(request)) };
}

/** An `ask` over `reports` whose every retrieval's judgement is replaced by `judge`'s. */
function askJudged(reports: Record<string, string>, judge: (r: Retrieval, options: RetrieveOptions) => Retrieval, answerer: Answerer = new ExtractiveAnswerer()) {
  return askOverReports(reports, answerer, (real) => async (q, o = {}) => judge(await real(q, o), o));
}

/** What the answerer was offered for a question whose judgement `judge` decides. */
async function offeredWith(judge: (r: Retrieval) => Retrieval) {
  const answerer = recordingExtractive();
  const answer = await (await askJudged({ whitson: REPORT }, judge, answerer))("How many children does Peggy Whitson have?");
  return { offered: answer.abstained ? [] : answerer.offered[0]!, answer };
}

describe("an answer the conversation settled", () => {
  it("is offered only the passage that was checked, where a sure answer is offered its close neighbours too", async () => {
    const close = (r: Retrieval) => ({ ...r, judgement: { ...r.judgement, answerable: false, related: true, answerAt: undefined } });
    for (const reason of Object.values(SETTLED_BY)) {
      const { offered, answer } = await offeredWith((r) => settled(close(r), reason));
      expect(offered.map((c) => c.sentence.id)).toHaveLength(1);
      expect(answer.citations.map((c) => c.sentenceId)).toEqual([offered[0]!.sentence.id]);
    }
    const sure = await offeredWith((r) => ({ ...r, judgement: { ...r.judgement, answerable: true, related: false, answerAt: 0, reason: "confident" } }));
    expect(sure.offered.length).toBeGreaterThan(1);
  });
});

const UNION = [
  "The drivers' union called the strike after talks broke down on Friday.",
  "Trams will not run on Monday or Tuesday.",
  "Its leader drove the number 12 bus for 19 years before he took the post.",
].join(" ");

describe("a follow-up whose reading has a pronoun that found nobody", () => {
  // The previous answer named no one: who "he" is, the conversation has not said.
  const history = [{ question: "Who called the strike?", answer: "…", citations: [{ n: 1, reportId: "union", title: "Union", sentenceId: "union#0", text: UNION.split(". ")[0]!, start: 0, end: 10, source: { kind: "text" as const } }] }];

  it("is not settled by the previous answer's report, however close the call", async () => {
    const close = (r: Retrieval) => ({ ...r, judgement: { ...r.judgement, answerable: false, related: true, answerAt: undefined, confidence: 0.95, reason: "not sure" } });
    const answer = await (await askJudged({ union: UNION }, close))("how long did he drive buses?", { history });
    expect(answer.standaloneQuestion).toMatch(/^How long did he drive buses\? \(context: /);
    expect(answer).toMatchObject({ abstained: true, citations: [] });
  });

  it("is not retried within the previous answer's report, however sure the model is there", async () => {
    const sureWithin = (r: Retrieval, o: RetrieveOptions) =>
      o.reportIds ? { ...r, judgement: { ...r.judgement, answerable: true, related: false, answerAt: 0, confidence: 0.95, reason: "confident" } } : { ...r, judgement: { ...r.judgement, answerable: false, related: false, answerAt: undefined, reason: "nothing close" } };
    const answer = await (await askJudged({ union: UNION, other: "The ferry service runs every hour from the harbour." }, sureWithin))("how long did he drive buses?", { history });
    expect(answer).toMatchObject({ abstained: true, citations: [] });
  });
});

describe("a rewritten follow-up retried within the previous answer's report", () => {
  const history = [{ question: "Who called the strike?", answer: "…", citations: [{ n: 1, reportId: "union", title: "Union", sentenceId: "union#0", text: UNION.split(". ")[0]!, start: 0, end: 10, source: { kind: "text" as const } }] }];
  // Found nothing among all the reports; within the union's report, answerable for `reason`.
  const within = (reason: string) => (r: Retrieval, o: RetrieveOptions) =>
    o.reportIds ? { ...r, judgement: { ...r.judgement, answerable: true, related: false, answerAt: 0, confidence: 0.7, reason } } : { ...r, judgement: { ...r.judgement, answerable: false, related: false, answerAt: undefined, reason: "nothing close" } };
  const reports = { union: UNION, other: "The ferry service runs every hour from the harbour." };

  it("answers when the model itself is sure there, and not because every word of the reading is in a sentence", async () => {
    const sure = await (await askJudged(reports, within(CONFIDENT)))("when will it end?", { history });
    expect(sure.standaloneQuestion).toBeDefined();
    expect(sure.abstained).toBe(false);
    // Among one report's sentences every word of a reading is nearly always somewhere: "Who voted for the vote?".
    const wordForWord = await (await askJudged(reports, within("every word of the question is in the sentence or beside it")))("when will it end?", { history });
    expect(wordForWord).toMatchObject({ abstained: true, citations: [] });
  });
});

describe("a question in a conversation read as about its subject (the scoped reading)", () => {
  // The previous answer cited the trams sentence; the leader's sentence sits beside it.
  const history = [{ question: "Will the trams run?", answer: "…", citations: [{ n: 1, reportId: "union", title: "Union", sentenceId: "union#1", text: "Trams will not run on Monday or Tuesday.", start: 0, end: 10, source: { kind: "text" as const } }] }];
  const leaderFirst = (r: Retrieval) => [...r.candidates].sort((a, b) => Number(b.sentence.id === "union#2") - Number(a.sentence.id === "union#2"));
  // A close call with the leader's sentence first, for the readings `closeFor` picks; nothing close for the others.
  const judged = (closeFor: (o: RetrieveOptions) => boolean) => (r: Retrieval, o: RetrieveOptions): Retrieval =>
    closeFor(o)
      ? { ...r, candidates: leaderFirst(r), judgement: { ...r.judgement, answerable: false, related: true, answerAt: undefined, confidence: 0.9, reason: "not sure" } }
      : { ...r, judgement: { ...r.judgement, answerable: false, related: false, answerAt: undefined, reason: "nothing close" } };
  const asked = "how many years did the leader drive the bus?";

  it("is not settled by the passage beside the previous answer, which its carried words rank high by themselves", async () => {
    const scopedOnly = await (await askJudged({ union: UNION }, judged((o) => o.carriedContext !== undefined)))(asked, { history });
    expect(scopedOnly).toMatchObject({ abstained: true, citations: [] });
    // The question as asked, with none of the conversation's words, is settled by the same passage.
    const asAsked = await (await askJudged({ union: UNION }, judged((o) => o.carriedContext === undefined)))(asked, { history });
    expect(asAsked.standaloneQuestion).toBeUndefined();
    expect(asAsked.abstained).toBe(false);
    expect(asAsked.citations.map((c) => c.sentenceId)).toContain("union#2");
  });
});

describe("a 'why' or 'how' follow-up", () => {
  const LEADER = "The union leader drove the number 12 bus for 19 years before taking the post.";
  const history = [{ question: "How long did the union leader drive a bus?", answer: "…", citations: [{ n: 1, reportId: "union", title: "Union", sentenceId: "union#0", text: LEADER, start: 0, end: 10, source: { kind: "text" as const } }] }];
  const sure = (r: Retrieval): Retrieval => ({ ...r, candidates: [...r.candidates].sort((a, b) => Number(b.sentence.id === "union#0") - Number(a.sentence.id === "union#0")), judgement: { ...r.judgement, answerable: true, related: false, answerAt: 0, confidence: 0.9, reason: CONFIDENT } });

  it("is not answered with only the sentences the previous answer cited, which did not explain it", async () => {
    const ask = await askJudged({ union: LEADER, ferry: "The ferry service runs every hour from the harbour." }, sure);
    const why = await ask("why did the leader take the post?", { history });
    expect(why).toMatchObject({ abstained: true, citations: [] });
    expect(why.related.map((c) => c.sentenceId)).toEqual(["union#0"]);
    // Asked of the same conversation for a fact, or asked alone, the same sentence answers.
    expect((await ask("how many years did the leader drive a bus?", { history })).citations.map((c) => c.sentenceId)).toContain("union#0");
    expect((await ask("why did the leader take the post?")).citations.map((c) => c.sentenceId)).toContain("union#0");
  });
});

describe("a close call of a follow-up after a turn that cited nothing", () => {
  const BANK = "The Aldermark central bank cut its forecast for economic growth next year to 0.8 percent. It expects inflation to fall to 2.6 percent by 2027.";
  const RENTS = "Rent growth in Dunmore slowed to 3 percent last year.";
  // The previous turn was not sure and cited nothing; its question named the bank.
  const history = [{ question: "What is Aldermark's inflation forecast?", answer: "I couldn't find a definite answer.", citations: [] }];
  const close = (r: Retrieval): Retrieval => ({ ...r, judgement: { ...r.judgement, answerable: false, related: true, answerAt: undefined, confidence: 0.6, reason: "not sure" } });

  it("is settled by the one report holding every name the conversation's questions used, when its passage says the follow-up's subject", async () => {
    const answer = await (await askJudged({ bank: BANK, rents: RENTS }, close))("and growth?", { history });
    expect(answer.standaloneQuestion).toBe("What is Aldermark's growth forecast?");
    expect(answer.abstained).toBe(false);
    expect(answer.citations.map((c) => c.text)).toEqual([BANK.split(". ")[0] + "."]);
  });

  // A yes-or-no follow-up is never settled so: settle-in-previous-report.test.ts holds that rule.
  it("is not settled when the names point to no single report", async () => {
    const history2 = [{ ...history[0]!, question: "What is the inflation forecast?" }];
    expect(await (await askJudged({ bank: BANK, rents: RENTS }, close))("and growth?", { history: history2 })).toMatchObject({ abstained: true, citations: [] });
  });
});
