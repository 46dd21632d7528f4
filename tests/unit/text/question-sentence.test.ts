import { describe, expect, it } from "vitest";
import { endsAsAQuestion } from "../../../src/text/question-sentence.js";

describe("endsAsAQuestion", () => {
  it("is true of a sentence that asks, quoted, bracketed or in bold", () => {
    for (const text of ["What went wrong?", "Will people who live on the islands pay the same increase?", "“Why now?”", "'Why now?'", "(Why now?)", "«Pourquoi?»", "**Could it happen again?**"]) {
      expect(endsAsAQuestion(text), text).toBe(true);
    }
  });

  it("is false of a sentence that states something, even one quoting a question inside it", () => {
    for (const text of ["The yard ran into problems with its battery supplier.", "“Why now?” she asked, before the vote was held."]) {
      expect(endsAsAQuestion(text), text).toBe(false);
    }
  });
});
