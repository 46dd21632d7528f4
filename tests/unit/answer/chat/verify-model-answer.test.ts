import { describe, expect, it } from "vitest";
import { ABSTAIN_TEXT } from "../../../../src/answer/answer.js";
import { numberSources } from "../../../../src/answer/chat/llm-prompt.js";
import { fromStructuredReply } from "../../../../src/answer/chat/model-answer.js";
import { verifyModelAnswer } from "../../../../src/answer/chat/verify-model-answer.js";
import { FLOOD_SENTENCES, floodCandidates } from "../../../helpers/ranked-sentences.js";

const sources = () => numberSources(floodCandidates());

describe("verifyModelAnswer", () => {
  it("numbers citations in order of first use and resolves them to the indexed sentences", () => {
    const { draft } = verifyModelAnswer(
      {
        found: true,
        claims: [
          { text: "The mayor promised a new bridge.", sourceIds: ["S3"] },
          { text: "Homes were evacuated after the river flooded.", sourceIds: ["S2", "S1", "S3"] },
        ],
      },
      sources(),
    );
    expect(draft.text).toBe("The mayor promised a new bridge [1]. Homes were evacuated after the river flooded [2][3][1].");
    expect(draft.citations.map((c) => [c.n, c.sentenceId, c.text])).toEqual([
      [1, "flood#2", FLOOD_SENTENCES[2]],
      [2, "flood#1", FLOOD_SENTENCES[1]],
      [3, "flood#0", FLOOD_SENTENCES[0]],
    ]);
    expect(draft).toMatchObject({ abstained: false, mode: "llm" });
  });

  it("drops unknown ids and the sentences left with no valid citation", () => {
    const result = verifyModelAnswer(
      {
        found: true,
        claims: [
          { text: "Nobody was hurt.", sourceIds: ["S4", "S9"] },
          { text: "The army was called in.", sourceIds: ["S12"] },
          { text: "It was the worst flood in a century.", sourceIds: [] },
        ],
      },
      sources(),
    );
    expect(result.draft.text).toBe("Nobody was hurt [1].");
    expect(result.draft.citations).toHaveLength(1);
    expect(result.unknownIds).toEqual(["S9", "S12"]);
    expect(result.droppedClaims.map((d) => d.reason)).toEqual(["no valid citation", "no valid citation"]);
  });

  it("abstains when nothing valid is cited", () => {
    const { draft } = verifyModelAnswer({ found: true, claims: [{ text: "HACKED", sourceIds: [] }] }, sources());
    expect(draft).toEqual({ text: ABSTAIN_TEXT, abstained: true, citations: [], mode: "llm" });
  });

  it("abstains when the model says the sources do not hold the answer", () => {
    expect(verifyModelAnswer({ found: false, claims: [] }, sources()).draft.abstained).toBe(true);
  });

  it("drops a sentence whose typed quotation is not in the sentences it cites", () => {
    const result = verifyModelAnswer(
      {
        found: true,
        claims: [
          { text: 'The mayor said "the town would rebuild the damaged bridge by spring."', sourceIds: ["S3"] },
          { text: 'The council said "all residents are safe and dry."', sourceIds: ["S2"] },
        ],
      },
      sources(),
    );
    expect(result.draft.text).toBe('The mayor said "the town would rebuild the damaged bridge by spring." [1]');
    expect(result.droppedClaims).toEqual([
      { text: 'The council said "all residents are safe and dry."', reason: "quote not in its sources" },
    ]);
  });
});

describe("fromStructuredReply", () => {
  it("normalises ids and folds markers typed into the text into the citations", () => {
    expect(fromStructuredReply({ found: true, sentences: [{ text: "Nobody was hurt [S2].", sources: ["s4"] }] })).toEqual({
      found: true,
      claims: [{ text: "Nobody was hurt.", sourceIds: ["S4", "S2"] }],
    });
  });

  it("rejects a reply without the schema's shape", () => {
    expect(fromStructuredReply({ answer: "yes" })).toBeUndefined();
    expect(fromStructuredReply(null)).toBeUndefined();
  });
});
