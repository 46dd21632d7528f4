import { describe, expect, it } from "vitest";
import { asksWhatWasSaid, reportsSpeech } from "../../../src/text/reported-speech.js";

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

  it("is answered by a sentence reporting speech: a quotation or a verb of saying", () => {
    expect(reportsSpeech("Rovers manager Graham Doyle said his side had deserved more from the game.")).toBe(true);
    expect(reportsSpeech("\"The gas companies assumed the grid would always be there.")).toBe(true);
    expect(reportsSpeech("According to sources cited by Tolo News, the Afghan delegation reaffirmed its pledge.")).toBe(true);
    expect(reportsSpeech("Those warm nights are what worry doctors most.")).toBe(false);
    expect(reportsSpeech("Tensions further escalated after Pakistan pressed Kabul to officially classify Tehrik-i-Taliban Pakistan (TTP) as a terrorist organisation.")).toBe(false);
  });
});
