import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_SENTENCE_CHARS, segmentSentences } from "../../../src/text/segment-sentences.js";

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

  it("keeps the titles of British and American reports with the name after them", () => {
    // "Cllr." ended a sentence, so "The current mayor, Cllr." was a sentence and "Joan Pike said …" another.
    expect(texts("The current mayor, Cllr. Joan Pike, said the vote was close. It passed.")).toEqual([
      "The current mayor, Cllr. Joan Pike, said the vote was close.",
      "It passed.",
    ]);
    for (const title of ["Messrs.", "Rt. Hon.", "Pte.", "Pvt.", "Cpl.", "Mme.", "Sens.", "Atty. Gen.", "Lieut.", "Msgr."]) {
      expect(texts(`It was signed by ${title} Ward on Monday. Nothing else was.`), title).toEqual([`It was signed by ${title} Ward on Monday.`, "Nothing else was."]);
    }
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

  describe("pathological text", () => {
    const exact = (text: string) => {
      const spans = segmentSentences(text);
      for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
      return spans;
    };

    it("handles a one-paragraph file of 150,000 short lines (no call-stack overflow)", () => {
      const text = Array.from({ length: 150_000 }, (_, i) => `entry ${i % 1000}`).join("\n");
      const spans = exact(text);
      expect(spans.length).toBeGreaterThan(0);
      for (const span of spans) expect(span.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    });

    it("segments 30,000 short sentences in one paragraph in time linear in their number (was a minute for 50,000)", () => {
      const text = Array.from({ length: 30_000 }, (_, i) => `It rained ${i}.`).join(" ");
      const spans = exact(text);
      expect(spans).toHaveLength(30_000);
      expect(spans[29_999]!.text).toBe("It rained 29999.");
    });

    it("cuts a 100 KB single sentence into exact slices at spaces, losing no word", () => {
      const text = Array.from({ length: 12_000 }, (_, i) => `word${i}`).join(" ");
      const spans = exact(text);
      expect(spans.length).toBeGreaterThan(text.length / MAX_SENTENCE_CHARS);
      for (const span of spans) expect(span.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(spans.map((s) => s.text).join(" ")).toBe(text);
    });

    it("cuts a long run without spaces without splitting a surrogate pair", () => {
      const text = `${"😀".repeat(4000)}`;
      const spans = exact(`Prefix words here ${text}`);
      for (const span of spans) expect(span.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    });
  });
});
