import { describe, expect, it } from "vitest";
import { asksOnlyWhatWasSaid, speakerUnknown } from "../../../src/conversation/asks-what-was-said.js";

describe("a follow-up asking what someone said", () => {
  it("asks only whose words when no topic follows", () => {
    expect(asksOnlyWhatWasSaid("what did she say?")).toBe(true);
    expect(asksOnlyWhatWasSaid("what did the analyst say?")).toBe(true);
    expect(asksOnlyWhatWasSaid("what did she say about the warm nights?")).toBe(false);
    expect(asksOnlyWhatWasSaid("what did she tell reporters")).toBe(false);
    expect(asksOnlyWhatWasSaid("how long did they last?")).toBe(false);
  });

  it("has an unknown speaker when a pronoun is left where the speaker stands", () => {
    expect(speakerUnknown("What did he say outside court?")).toBe(true);
    expect(speakerUnknown("What did their boss say?")).toBe(true);
    expect(speakerUnknown("What did Ruth Adebayo-Lang say?")).toBe(false);
    expect(speakerUnknown("What did the mayor say about it?")).toBe(false);
  });
});
