import { describe, expect, it } from "vitest";
import type { AnswerRequest, Answerer } from "../../../src/answer/answerer.js";
import { ExtractiveAnswerer } from "../../../src/answer/extractive/extractive-answerer.js";
import { askOverReports } from "../../helpers/ask-over-reports.js";

const REPORTS = {
  museum: "Police hunt thieves who took jewels from Greyhaven museum\n\nBy Sunita Ravel, Crime Correspondent, The Greyhaven Echo\nGREYHAVEN, Tuesday\n\nDetectives investigating the theft of eight pieces of jewellery from the Aldous Museum released images of a man on Tuesday. The raid took seven minutes, the museum's director said.",
  rates: "Central bank cuts interest rate to 3.75%\n\nBy Jonas Feldt, Economics Editor, The Veldhaven Times\n\nThe central bank cut its main interest rate by a quarter of a point on Thursday after a five-four vote. Two members wanted to hold the rate until inflation fell further.",
};

describe("asking who wrote the article", () => {
  it("quotes the byline of the report chosen, alone", async () => {
    const ask = await askOverReports(REPORTS, new ExtractiveAnswerer());
    const answer = await ask("Who wrote the article?", { reportIds: ["museum"] });
    expect(answer.abstained).toBe(false);
    expect(answer.citations.map((c) => c.text)).toEqual(["By Sunita Ravel, Crime Correspondent, The Greyhaven Echo\nGREYHAVEN, Tuesday"]);
    expect(answer.citations[0]!.reportId).toBe("museum");
  });

  it("quotes the byline of the report a follow-up is about", async () => {
    const ask = await askOverReports(REPORTS, new ExtractiveAnswerer());
    const first = await ask("How long did the raid on the museum take?");
    expect(first.citations[0]?.reportId).toBe("museum");
    const answer = await ask("who wrote the article?", { history: [{ question: "How long did the raid on the museum take?", answer: first.text, citations: first.citations }] });
    expect(answer.citations.map((c) => c.text)).toEqual([expect.stringMatching(/^By Sunita Ravel/)]);
  });

  it("is not sure over several reports when neither a report nor a topic is given", async () => {
    const ask = await askOverReports(REPORTS, new ExtractiveAnswerer());
    const answer = await ask("Who wrote the article?");
    expect(answer.abstained).toBe(true);
    expect(answer.citations).toEqual([]);
  });

  it("leaves a chat model to decide, with the byline offered and the passages around it to read", async () => {
    const requests: AnswerRequest[] = [];
    const model: Answerer = {
      name: "llm:recording",
      judgesAnswerability: true,
      answer: async (request) => {
        requests.push(request);
        return { text: "I couldn't find that in the reports.", abstained: true, citations: [], mode: "llm" };
      },
    };
    const ask = await askOverReports(REPORTS, model);
    expect(await ask("Who wrote the article?", { reportIds: ["museum"] })).toMatchObject({ abstained: true, mode: "llm" });
    expect(requests[0]!.candidates.map((c) => c.sentence.text)).toEqual([expect.stringMatching(/^By Sunita Ravel/)]);
    expect(requests[0]!.context!.some((c) => c.sentence.text.startsWith("Detectives"))).toBe(true);
    // Offline it is not sure which report is meant; the model still reads what was found and decides.
    await ask("Who wrote the article?");
    expect(requests).toHaveLength(2);
    expect(requests[1]!.context!.length).toBeGreaterThan(0);
  });
});
