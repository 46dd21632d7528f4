import { describe, expect, it } from "vitest";
import { continuationOf } from "../../../src/retrieval/continuation.js";
import { segmentSentences } from "../../../src/text/segment-sentences.js";

const sentencesOf = (text: string) => segmentSentences(text).map((s, index) => ({ ...s, id: `r#${index}`, reportId: "r", index }));

describe("sentences quoted together", () => {
  it("gives a sentence that introduces a list its items, and no more", () => {
    const text = "The budget funds three things:\n\n- road repairs\n- two new libraries\n- a bus lane\n\nThe council voted on Monday.";
    const sentences = sentencesOf(text);
    const at = sentences.findIndex((s) => s.text.endsWith(":"));
    expect(continuationOf(text, sentences, at).map((s) => s.text)).toEqual(["road repairs", "two new libraries", "a bus lane"]);
  });

  it("gives a quotation continued in the next sentence its end", () => {
    const text = "“We will not sign this,” she said. “Not today. Not ever.” The room fell silent.";
    const sentences = sentencesOf(text);
    const opening = sentences.findIndex((s) => s.text.startsWith("“Not today"));
    expect(continuationOf(text, sentences, opening).map((s) => s.text)).toEqual(["Not ever.”"]);
    expect(continuationOf(text, sentences, 0)).toEqual([]);
  });

  it("leaves a sentence with a quotation that never closes on its own", () => {
    const text = "He said “this is. Then nothing. Then more.";
    expect(continuationOf(text, sentencesOf(text), 0)).toEqual([]);
  });
});
