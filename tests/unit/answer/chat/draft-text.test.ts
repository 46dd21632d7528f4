import { describe, expect, it } from "vitest";
import { draftText } from "../../../../src/answer/chat/draft-text.js";

describe("draftText", () => {
  it("removes citation markers and closes the gaps they leave", () => {
    expect(draftText("Homes were evacuated [S2]. Nobody was hurt [S1, S4][s3].")).toBe("Homes were evacuated. Nobody was hurt.");
    expect(draftText("First point [S1]\n\nSecond point [S2; 3]")).toBe("First point\n\nSecond point");
  });

  it("hides a marker still being written, but not ordinary brackets", () => {
    expect(draftText("Nobody was hurt [")).toBe("Nobody was hurt");
    expect(draftText("Nobody was hurt [S")).toBe("Nobody was hurt");
    expect(draftText("Nobody was hurt [S1, S")).toBe("Nobody was hurt");
    expect(draftText("The mayor [Ana Ruiz] spoke")).toBe("The mayor [Ana Ruiz] spoke");
  });

  it("grows by extension as a reply streams in, so a terminal can print only the new part", () => {
    const reply = "The river rose [S1]. About 300 homes [S2, S3] were evacuated [S2].\nNobody was hurt [S4].";
    let previous = "";
    for (let end = 1; end <= reply.length; end++) {
      const draft = draftText(reply.slice(0, end));
      expect(draft.startsWith(previous)).toBe(true);
      previous = draft;
    }
    expect(previous).toBe("The river rose. About 300 homes were evacuated.\nNobody was hurt.");
  });
});
