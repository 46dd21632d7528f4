import { describe, expect, it } from "vitest";
import { combineParts } from "../../../src/answer/combine-parts.js";
import { ExtractiveAnswerer } from "../../../src/answer/extractive/extractive-answerer.js";
import type { RankedSentence } from "../../../src/retrieval/ranked-sentence.js";

const report = { id: "budget", title: "City budget", source: "budget.md", hash: "h", sentenceCount: 9, chunkCount: 3, ingestedAt: "" };
const sentence = (index: number, text: string) => ({ id: `budget#${index}`, reportId: "budget", index, text, start: index * 100, end: index * 100 + text.length });
const ranked = (index: number, text: string, score: number, extra: Partial<RankedSentence> = {}): RankedSentence => ({ sentence: sentence(index, text), report, score, ...extra });

describe("the extractive answerer", () => {
  it("cites a sentence that introduces a list together with its items, in reading order", async () => {
    const items = [sentence(4, "road repairs"), sentence(5, "two new libraries")];
    const draft = await new ExtractiveAnswerer().answer({ question: "What does the budget fund?", candidates: [ranked(3, "The budget funds:", 0.9, { continuedBy: items })] });
    expect(draft.citations.map((c) => c.text)).toEqual(["The budget funds:", "road repairs", "two new libraries"]);
    expect(draft.text).toBe("The budget funds: [1] road repairs [2] two new libraries [3]");
  });

  it("does not join a close neighbour that drops a name of the question the best sentence gives", async () => {
    const afghan = ranked(10, "Afghanistan's Defence Minister, Mawlawi Mohammad Yaqoob Mujahid, firmly rejected the demand.", 0.9);
    const pakistani = ranked(11, "Ahead of the talks, Pakistan's Defence Minister, Khawaja Muhammad Asif, had warned of unilateral measures.", 0.85);
    const draft = await new ExtractiveAnswerer().answer({ question: "Who is Afghanistan's defence minister?", candidates: [afghan, pakistani] });
    expect(draft.citations.map((c) => c.text)).toEqual([afghan.sentence.text]);
    // A name given by its alias is given ("Pakistani" for "Pakistan's"); and a neighbour that leans back still joins.
    const both = await new ExtractiveAnswerer().answer({ question: "What did the Pakistani defence minister warn of?", candidates: [pakistani, ranked(12, "Pakistan's army was put on alert.", 0.84)] });
    expect(both.citations).toHaveLength(2);
    const pakistanisOnly = await new ExtractiveAnswerer().answer({ question: "Who is the Pakistani defence minister?", candidates: [{ ...pakistani, score: 0.9 }, { ...afghan, score: 0.85 }] });
    expect(pakistanisOnly.citations.map((c) => c.text)).toEqual([pakistani.sentence.text]);
    const leaning = await new ExtractiveAnswerer().answer({ question: "What did Afghanistan's defence minister reject?", candidates: [afghan, ranked(11, "He called it political leverage.", 0.85)] });
    expect(leaning.citations).toHaveLength(2);
    // One that leans on another sentence, not the best, is about whoever that one names.
    const hisWords = ranked(12, "He said Pakistan would not wait for Kabul to act.", 0.86);
    const elsewhere = await new ExtractiveAnswerer().answer({ question: "What did Afghanistan's defence minister reject?", candidates: [afghan, hisWords] });
    expect(elsewhere.citations.map((c) => c.text)).toEqual([afghan.sentence.text]);
    // One that gives another name of the question is the other part of the answer.
    const marovia = ranked(3, "Marovia accused Tarsland of arming the rebels.", 0.9);
    const kestria = ranked(7, "Kestria accused Velmar of shelling the port.", 0.86);
    const twoParts = await new ExtractiveAnswerer().answer({ question: "Whom did Marovia and Kestria accuse?", candidates: [marovia, kestria] });
    expect(twoParts.citations.map((c) => c.text)).toEqual([marovia.sentence.text, kestria.sentence.text]);
    // A report names someone in full once, then by surname; a possessive ends a name.
    const asifAgain = ranked(15, "Asif said Pakistan would act if the attacks continued.", 0.81);
    const bySurname = await new ExtractiveAnswerer().answer({ question: "What did Khawaja Muhammad Asif warn of?", candidates: [pakistani, asifAgain] });
    expect(bySurname.citations.map((c) => c.text)).toEqual([pakistani.sentence.text, asifAgain.sentence.text]);
    const titled = await new ExtractiveAnswerer().answer({ question: "Who is Afghanistan's Defence Minister?", candidates: [afghan, pakistani] });
    expect(titled.citations.map((c) => c.text)).toEqual([afghan.sentence.text]);
    // "Afghan" is a name of "Afghanistan's".
    const afghanAgain = ranked(14, "The Afghan minister called the demand political leverage.", 0.86);
    const again = await new ExtractiveAnswerer().answer({ question: "What did Afghanistan's defence minister reject?", candidates: [afghan, afghanAgain] });
    expect(again.citations.map((c) => c.text)).toEqual([afghan.sentence.text, afghanAgain.sentence.text]);
  });

  it("quotes an interviewer's question only with the reply right after it, never as a companion elsewhere", async () => {
    const reply = ranked(5, "No. The fleet has had three engine fires in two years.", 0.9);
    const before = ranked(4, "Is the fleet safe?", 0.88);
    const after = ranked(6, "What happens next?", 0.89);
    const draft = await new ExtractiveAnswerer().answer({ question: "Is the fleet safe?", candidates: [reply, after, before] });
    expect(draft.citations.map((c) => c.text)).toEqual(["Is the fleet safe?", "No. The fleet has had three engine fires in two years."]);
    const elsewhere = ranked(8, "Will fares rise again?", 0.895);
    expect((await new ExtractiveAnswerer().answer({ question: "Will fares rise?", candidates: [reply, elsewhere] })).citations).toHaveLength(1);
  });

  it("quotes the sentence after the best one for a yes/no question, when it speaks to the question's words", async () => {
    const recall = "In March 2023 the company withdrew about 54,000 teething rings after the board found a choking risk.";
    const next = sentence(3, "No injuries were reported.");
    const draft = await new ExtractiveAnswerer().answer({ question: "Were any injuries reported in the teething ring recall?", candidates: [ranked(2, recall, 0.9, { next })] });
    expect(draft.citations.map((c) => c.text)).toEqual([recall, "No injuries were reported."]);
    // Not for a question that is not yes/no, nor when the next sentence shares none of the question's words.
    expect((await new ExtractiveAnswerer().answer({ question: "How many injuries were reported in the recall?", candidates: [ranked(2, recall, 0.9, { next })] })).citations).toHaveLength(1);
    const unrelated = sentence(3, "Shares closed higher.");
    expect((await new ExtractiveAnswerer().answer({ question: "Were any injuries reported in the recall?", candidates: [ranked(2, recall, 0.9, { next: unrelated })] })).citations).toHaveLength(1);
    // Nor when the next sentence shares the question's words but goes on to something else: it would read as "yes".
    const approved = "Councillors voted on Tuesday to approve the Millgate housing plan by eight votes to three.";
    const separate = sentence(3, "A separate plan for a supermarket on the same site was rejected.");
    expect((await new ExtractiveAnswerer().answer({ question: "Was the Millgate housing plan rejected?", candidates: [ranked(2, approved, 0.9, { next: separate })] })).citations).toHaveLength(1);
    const went = sentence(3, "He did not say what those measures might be.");
    expect((await new ExtractiveAnswerer().answer({ question: "Did the minister say what the measures would be?", candidates: [ranked(2, "The minister said Canada reserved the right to respond with its own measures.", 0.9, { next: went })] })).citations).toHaveLength(2);
  });

  it("quotes the sentence after the best one for a why, how or what-happened question, when it goes on about it", async () => {
    const proposed = "In 1993 the regional health authority proposed to close the maternity unit at Pellbridge General.";
    const dropped = sentence(3, "The health authority dropped the plan the following spring.");
    const answer = (question: string, next = dropped) => new ExtractiveAnswerer().answer({ question, candidates: [ranked(2, proposed, 0.9, { next })] });
    for (const question of ["What happened to the plan to close the maternity unit?", "Why did the plan fail?", "How did the plan end?"]) {
      expect((await answer(question)).citations.map((c) => c.text)).toEqual([proposed, dropped.text]);
    }
    // Not for a question that asks for a fact ("how many", "when"), nor when the next sentence is about something else.
    expect((await answer("How many units did the authority propose to close?")).citations).toHaveLength(1);
    expect((await answer("What happened to the maternity unit?", sentence(3, "Shares closed higher on Friday."))).citations).toHaveLength(1);
  });

  it("cites the same sentence text once, however often it was chosen", async () => {
    const text = "The council approved the plan by six votes to one.";
    const draft = await new ExtractiveAnswerer().answer({ question: "How did the vote go?", candidates: [ranked(1, text, 0.9), ranked(7, text, 0.89)] });
    expect(draft.citations).toHaveLength(1);
    expect(draft.text).toBe(`${text} [1]`);
  });
});

describe("answers to two-part questions", () => {
  const cite = (n: number, text: string) => ({ n, reportId: "talks", title: "Talks", source: { kind: "text" as const }, sentenceId: `talks#${n}`, text, start: 0, end: text.length });
  const answered = (...texts: string[]) => ({ text: "", abstained: false, citations: texts.map((t, i) => cite(i + 1, t)), mode: "extractive" as const });

  it("answers part by part under shared numbers, a sentence answering both cited once", () => {
    const draft = combineParts([
      { text: "Who mediated the talks?", draft: answered("Lehtinen mediated the talks.") },
      { text: "How long did they last?", draft: answered("They lasted three days.", "Lehtinen mediated the talks.") },
    ]);
    expect(draft.citations.map((c) => [c.n, c.text])).toEqual([[1, "Lehtinen mediated the talks."], [2, "They lasted three days."]]);
    expect(draft.text).toBe("Lehtinen mediated the talks. [1]\nThey lasted three days. [2] Lehtinen mediated the talks. [1]");
  });

  it("says which part it could not answer", () => {
    const draft = combineParts([
      { text: "Who mediated the talks?", draft: answered("Lehtinen mediated the talks.") },
      { text: "How long did they last?", draft: { text: "", abstained: true, citations: [], mode: "extractive" } },
    ]);
    expect(draft.text).toBe("Lehtinen mediated the talks. [1]\nHow long did they last? — I couldn't find a definite answer to this part.");
    expect(draft.abstained).toBe(false);
  });
});
