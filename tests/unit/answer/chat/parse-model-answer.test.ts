import { describe, expect, it } from "vitest";
import { parseModelAnswer } from "../../../../src/answer/chat/parse-model-answer.js";

describe("parseModelAnswer", () => {
  it("reads one claim per sentence with the markers that close it", () => {
    const reply = "The river flooded on Tuesday [S1]. About 300 homes were evacuated. [S2][S4] The bridge will be rebuilt [S3, S5].";
    expect(parseModelAnswer(reply)).toEqual({
      found: true,
      claims: [
        { text: "The river flooded on Tuesday.", sourceIds: ["S1"] },
        { text: "About 300 homes were evacuated.", sourceIds: ["S2", "S4"] },
        { text: "The bridge will be rebuilt.", sourceIds: ["S3", "S5"] },
      ],
    });
  });

  it("does not split at abbreviations or initials", () => {
    const { claims } = parseModelAnswer("U.S. officials and Mr. Smith met Gov. Ruiz on Monday [S2]. Talks ended [s3].");
    expect(claims).toEqual([
      { text: "U.S. officials and Mr. Smith met Gov. Ruiz on Monday.", sourceIds: ["S2"] },
      { text: "Talks ended.", sourceIds: ["S3"] },
    ]);
  });

  it("keeps an uncited sentence as its own claim so verification can drop it", () => {
    const { claims } = parseModelAnswer("I think the mayor is lying. She promised a bridge [S3].");
    expect(claims).toEqual([
      { text: "I think the mayor is lying.", sourceIds: [] },
      { text: "She promised a bridge.", sourceIds: ["S3"] },
    ]);
  });

  it("treats the not-found reply as an abstention", () => {
    expect(parseModelAnswer("  NOT_IN_REPORTS\n")).toEqual({ found: false, claims: [] });
  });

  it("drops a typed list of sources and attaches markers alone on a line to the sentence before", () => {
    const reply = 'Homes were evacuated.\n[S2]\n\nSources:\n[S2] "About 300 homes were evacuated."\n- S1: "The river burst"';
    expect(parseModelAnswer(reply).claims).toEqual([{ text: "Homes were evacuated.", sourceIds: ["S2"] }]);
  });

  it("reads bullet lists item by item", () => {
    const { claims } = parseModelAnswer("- Homes were evacuated [S2]\n- Nobody was hurt [S4]");
    expect(claims).toEqual([
      { text: "Homes were evacuated", sourceIds: ["S2"] },
      { text: "Nobody was hurt", sourceIds: ["S4"] },
    ]);
  });

  it("reads a reply without markers as uncited claims", () => {
    expect(parseModelAnswer("HACKED").claims).toEqual([{ text: "HACKED", sourceIds: [] }]);
  });
});
