import { describe, expect, it } from "vitest";
import { AUTHOR_NOT_STATED, authorQuestion, bylineOf, STATES_AUTHOR } from "../../../src/retrieval/byline-answer.js";
import { createRetriever } from "../../../src/retrieval/retrieve.js";
import { memoryIndex, testEmbeddings } from "../../helpers/memory-index.js";

const REPORTS = {
  museum: [
    "Police hunt thieves who took jewels from Greyhaven museum",
    "By Sunita Ravel, Crime Correspondent, The Greyhaven Echo",
    "Detectives investigating the theft of eight pieces of jewellery from the Aldous Museum in Greyhaven released images of a man on Tuesday.",
    "The raid took seven minutes, the museum's director said.",
  ].join("\n\n"),
  rates: [
    "Central bank cuts interest rate to 3.75%",
    "By Jonas Feldt, Economics Editor, The Veldhaven Times",
    "The central bank cut its main interest rate by a quarter of a point on Thursday after a five-four vote.",
    "Two members wanted to hold the rate until inflation fell further.",
  ].join("\n\n"),
  inquiry: [
    "Inquiry finds council skipped bridge inspections",
    "An independent inquiry into the closure of Tarrow Bridge found the council skipped inspections for a decade.",
    "The inquiry report was written by Sir Martin Oyelaran, a retired judge.",
  ].join("\n\n"),
};

describe("who wrote the report, answered by its byline", () => {
  it("finds a report's byline above its text, and none where it has none", async () => {
    const index = await memoryIndex(REPORTS);
    expect(bylineOf(index, "museum")?.sentence.text).toBe("By Sunita Ravel, Crime Correspondent, The Greyhaven Echo");
    expect(bylineOf(index, "inquiry")).toBeUndefined();
  });

  it("is answered by the byline of the one report asked within, added to the candidates and first", async () => {
    const index = await memoryIndex(REPORTS);
    const retrieve = createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 });
    const r = await retrieve("Who wrote the article?", { reportIds: ["rates"] });
    expect(r.judgement).toMatchObject({ answerable: true, reason: STATES_AUTHOR, answerAt: 0, introductions: 1 });
    expect(r.candidates[0]!.sentence.text).toBe("By Jonas Feldt, Economics Editor, The Veldhaven Times");
    expect(r.candidates.filter((c) => c.sentence.id === r.candidates[0]!.sentence.id)).toHaveLength(1);
    // A follow-up leaning on a report is about it.
    const followUp = await retrieve("who is the author of this story", { preferReportId: "museum" });
    expect(followUp.judgement.reason).toBe(STATES_AUTHOR);
    expect(followUp.candidates[0]!.sentence.text).toMatch(/^By Sunita Ravel/);
  });

  it("is answered from the report a topic finds", async () => {
    const index = await memoryIndex(REPORTS);
    const retrieve = createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 });
    const r = await retrieve("Who wrote the article about the museum theft?");
    expect(r.judgement.reason).toBe(STATES_AUTHOR);
    expect(r.candidates[0]!.sentence.text).toMatch(/^By Sunita Ravel/);
    expect((await retrieve("Who wrote the story on the interest rate cut?")).candidates[0]!.sentence.text).toMatch(/^By Jonas Feldt/);
    // No report is about it, and none of them has its words.
    expect((await retrieve("Who wrote the article about the moon landing?")).judgement.reason).not.toBe(STATES_AUTHOR);
  });

  it("is not sure when the topic finds another report as much about it", async () => {
    const robbery = [
      "Paintings stolen from Portmere museum",
      "By Tomas Hale, Arts Reporter",
      "Two men took three paintings from the Portmere museum on Sunday night, in a theft police called carefully planned.",
      "The museum said the paintings were insured.",
    ].join("\n\n");
    const index = await memoryIndex({ ...REPORTS, robbery });
    const retrieve = createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 });
    // Either museum theft may be meant: it quoted the byline of whichever ranked first.
    expect((await retrieve("Who wrote the article about the museum theft?")).judgement).toMatchObject({ answerable: false, reason: AUTHOR_NOT_STATED });
    // Both are weighed though the question's other words fill the pool: the reports the topic's words alone find.
    expect(authorQuestion("Who wrote the article about the museum theft?", index, {})?.topicReports?.sort()).toEqual(["museum", "robbery"]);
    expect(authorQuestion("Who wrote the article about the museum theft?", index, { reportIds: ["robbery", "rates"] })?.topicReports).toEqual(["robbery"]);
    // A topic only one of them is about finds it.
    const greyhaven = await retrieve("Who wrote the article about the Greyhaven museum theft?");
    expect(greyhaven.judgement.reason).toBe(STATES_AUTHOR);
    expect(greyhaven.candidates[0]!.sentence.text).toMatch(/^By Sunita Ravel/);
  });

  it("is not sure when several reports may be meant, or the report has no byline", async () => {
    const index = await memoryIndex(REPORTS);
    const retrieve = createRetriever({ index: () => index, embedQuery: (q) => testEmbeddings().embedQuery(q), topK: 8 });
    for (const r of [
      await retrieve("Who wrote the article?"),
      await retrieve("Who wrote the article?", { reportIds: ["museum", "rates"] }),
      await retrieve("Who wrote the article?", { reportIds: ["inquiry"] }),
    ]) {
      expect(r.judgement).toMatchObject({ answerable: false, reason: AUTHOR_NOT_STATED });
    }
    // Another report the story covers is its author's, not the byline's: the model decides.
    const other = await retrieve("Who wrote the inquiry report?", { reportIds: ["inquiry"] });
    expect(other.judgement.reason).not.toMatch(/who wrote the report/);
  });
});
