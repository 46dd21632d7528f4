import { describe, expect, it } from "vitest";
import { asksOnlyWhatWasSaid, asksWhatWasSaid, reportsSpeech, speakerUnknown } from "../../../src/conversation/asks-what-was-said.js";

describe("a question asking what someone said", () => {
  it("names the speaker and the topic", () => {
    expect(asksWhatWasSaid("what did she say about the warm nights?")).toEqual({ speaker: "she", topic: "about the warm nights" });
    expect(asksWhatWasSaid("And what did the gas producers say?")).toEqual({ speaker: "the gas producers", topic: "" });
    expect(asksWhatWasSaid("What did he tell the council?")).toEqual({ speaker: "he", topic: "the council" });
  });

  it("is not any other question, nor one asking for a fact someone stated", () => {
    for (const q of ["What policy did he say the Islamic Emirate follows?", "how many witnesses did he say the commission heard", "What did the council decide?", "Who said that?"]) {
      expect(asksWhatWasSaid(q)).toBeUndefined();
    }
  });

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

  it("is answered by a sentence reporting speech: a quotation or a verb of saying", () => {
    expect(reportsSpeech("Rovers manager Graham Doyle said his side had deserved more from the game.")).toBe(true);
    expect(reportsSpeech("\"The gas companies assumed the grid would always be there.")).toBe(true);
    expect(reportsSpeech("Those warm nights are what worry doctors most.")).toBe(false);
  });
});
