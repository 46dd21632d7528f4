import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { segmentSentences } from "../../../src/text/segment-sentences.js";

const texts = (input: string) => segmentSentences(input).map((s) => s.text);

describe("segmentSentences", () => {
  it("keeps offsets exact: every sentence is the slice of the original text", () => {
    const report = readFileSync("corpus/afghanistan-pakistan-istanbul-talks.txt", "utf8");
    const spans = segmentSentences(report);
    expect(spans.length).toBe(18);
    for (const s of spans) expect(report.slice(s.start, s.end)).toBe(s.text);
  });

  it("does not break after U.S. inside a sentence", () => {
    expect(texts("It demanded that Islamabad stop allowing U.S. drone operations within Afghan borders. Pakistan rejected this.")).toEqual([
      "It demanded that Islamabad stop allowing U.S. drone operations within Afghan borders.",
      "Pakistan rejected this.",
    ]);
  });

  it("breaks after U.S. when a new sentence starts, and keeps 'the U.S. Army' whole", () => {
    expect(texts("Officials met in the U.S. They agreed. The U.S. Army said so.")).toEqual([
      "Officials met in the U.S.",
      "They agreed.",
      "The U.S. Army said so.",
    ]);
  });

  it("ends a sentence inside closing curly quotes", () => {
    expect(texts("It remains “unclear whether Pakistan merely wished to appear cooperative.” His comments underscored scepticism.")).toEqual([
      "It remains “unclear whether Pakistan merely wished to appear cooperative.”",
      "His comments underscored scepticism.",
    ]);
  });

  it("keeps em dashes inside a sentence", () => {
    expect(texts("Pakistan violated Afghan airspace — prompting a limited action by Kabul. Talks began.")).toEqual([
      "Pakistan violated Afghan airspace — prompting a limited action by Kabul.",
      "Talks began.",
    ]);
  });

  it("keeps names with initials and titles together", () => {
    expect(texts("President John F. Kennedy spoke. Mr. Smith met Dr. Jones at 3 p.m. on Monday.")).toEqual([
      "President John F. Kennedy spoke.",
      "Mr. Smith met Dr. Jones at 3 p.m. on Monday.",
    ]);
  });

  it("keeps a trailing attribution line with no full stop as its own sentence", () => {
    expect(texts("The talks ended without progress.\n\nBased On ANI Report")).toEqual(["The talks ended without progress.", "Based On ANI Report"]);
  });

  it("joins hard-wrapped lines of one paragraph but not a short headline line", () => {
    const wrapped = "The negotiations failed after four days of talks in the city, and the two\ndelegations went home.";
    expect(texts(`Talks collapse in Istanbul\n${wrapped} Nothing was signed.`)).toEqual([
      "Talks collapse in Istanbul",
      wrapped,
      "Nothing was signed.",
    ]);
  });

  it("keeps whole sentences in text hard-wrapped at any width", () => {
    const sentences = [
      "Flood barriers along the river would be raised by two metres before the winter storms, the council said on Tuesday.",
      "Residents of the lower town were told to move cars to higher ground by Friday evening.",
      "The work will cost about 4 million euros.",
    ];
    for (const width of [40, 60, 72]) {
      const words = sentences.join(" ").split(" ");
      const lines: string[] = [];
      for (const word of words) {
        const last = lines.at(-1);
        if (last !== undefined && last.length + word.length + 1 <= width) lines[lines.length - 1] = `${last} ${word}`;
        else lines.push(word);
      }
      expect(texts(lines.join("\n")).map((t) => t.replace(/\n/g, " "))).toEqual(sentences);
    }
  });

  it("cites markdown list items and quotes without their markers, and drops marker-only lines", () => {
    const md = "# Storm report\n\n- No one was injured in the storm.\n- Two roads were closed.\n\n1.\n\n> We were lucky this time,\n> the mayor said.\n";
    const spans = segmentSentences(md);
    expect(spans.map((s) => s.text)).toEqual(["No one was injured in the storm.", "Two roads were closed.", "We were lucky this time,\n> the mayor said."]);
    for (const s of spans) expect(md.slice(s.start, s.end)).toBe(s.text);
  });

  it("continues a sentence after a quoted exclamation followed by lowercase", () => {
    expect(texts('He said "Go now!" and left. It cost $3.5 million.')).toEqual(['He said "Go now!" and left.', "It cost $3.5 million."]);
  });

  it("skips markdown headings and returns nothing for empty text", () => {
    expect(texts("# The Title\n\nFirst sentence here.")).toEqual(["First sentence here."]);
    expect(segmentSentences("   \n\n ")).toEqual([]);
  });
});
