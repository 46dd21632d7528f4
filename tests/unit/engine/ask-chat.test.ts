import { describe, expect, it } from "vitest";
import type { AnswerRequest, Answerer } from "../../../src/answer/answerer.js";
import type { Retrieve } from "../../../src/retrieval/retrieve.js";
import { askOverReports } from "../../helpers/ask-over-reports.js";

const REPORT = [
  "Envoys met in Geneva on Monday.",
  "The U.S. Defense Department said it would withdraw 2,000 troops from the border by March.",
  "Officials said the move was meant to ease tensions.",
  "The talks resume in April.",
].join(" ");

/** A chat-model stand-in that records what it was handed and cites nothing. */
function recordingModel(): Answerer & { requests: AnswerRequest[] } {
  const requests: AnswerRequest[] = [];
  return {
    name: "llm:recording",
    judgesAnswerability: true,
    requests,
    answer: async (request) => {
      requests.push(request);
      return { text: "I couldn't find that in the reports.", abstained: true, citations: [], mode: "llm" };
    },
  };
}

function askWith(answerer: Answerer, retrieve?: (real: Retrieve) => Retrieve) {
  return askOverReports({ troops: REPORT }, answerer, retrieve);
}

describe("ask with an answerer that judges answerability itself", () => {
  it("hands it the wide context even when the offline judgement abstains, and no fallback candidates", async () => {
    const model = recordingModel();
    const ask = await askWith(model);
    // "Pentagon" is nowhere in the report: offline, a name the reports never use means abstaining.
    await ask("What did the Pentagon announce about its troops?");
    const [request] = model.requests;
    expect(request!.context!.map((r) => r.sentence.index)).toEqual([0, 1, 2]);
    expect(request!.candidates).toEqual([]);
  });

  it("abstains without asking it when retrieval found nothing at all", async () => {
    const model = recordingModel();
    const ask = await askWith(model, (real) => async (q, o) => ({ ...(await real(q, o)), candidates: [] }));
    expect(await ask("What did the Pentagon announce?")).toMatchObject({ abstained: true, citations: [], mode: "extractive" });
    expect(model.requests).toEqual([]);
  });

  it("retrieves as many chunks as the wide context asks for", async () => {
    const model = recordingModel();
    const depths: Array<number | undefined> = [];
    const ask = await askWith(model, (real) => (q, o) => {
      depths.push(o?.topK);
      return real(q, o);
    });
    await ask("When do the talks resume?");
    expect(depths).toEqual([20]);
  });
});
