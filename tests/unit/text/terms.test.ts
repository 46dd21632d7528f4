import { describe, expect, it } from "vitest";
import { extractTerms, stems } from "../../../src/text/terms.js";

describe("extractTerms", () => {
  it("reads a text's terms once and hands every caller the same frozen list", () => {
    const text = "Turkish and Qatari officials mediated the talks in Istanbul.";
    const first = extractTerms(text);
    expect(first.map((t) => t.stem)).toEqual(["turkish", "qatari", "offici", "mediat", "talk", "istanbul"]);
    expect(extractTerms(text)).toBe(first);
    // Shared between callers, so none can change what the next one reads.
    expect(Object.isFrozen(first) && first.every((t) => Object.isFrozen(t))).toBe(true);
  });

  it("reads a capitalised word after a title or an initial as a name, not as the start of a sentence", () => {
    // "Which council ward does Cllr. Maddox represent?" read "Maddox" as opening a sentence, so the name the answer must
    // hold was not one, and the sentence introducing "Cllr. Derek Maddox" not found sure enough.
    const salient = (text: string) => extractTerms(text).filter((t) => t.salient).map((t) => t.surface);
    expect(salient("Which council ward does Cllr. Maddox represent?")).toEqual(["Cllr", "Maddox"]);
    expect(salient("It was led by Dr. Rachel Ingersoll and John F. Kennedy.")).toEqual(["Dr", "Rachel", "Ingersoll", "John", "F", "Kennedy"]);
    expect(salient("The talks ended. Officials left.")).toEqual([]);
  });

  it("reads a word the same with or without the invisible characters a web page puts inside it", () => {
    // A report fetched from a page keeps its soft hyphens ("co&shy;operative") as written, for verbatim citations, and
    // its terms were "co" and "oper": once questions lost such characters, the very phrase pasted from it matched nothing.
    expect(stems("The co\u00adoper\u200bative\u2060's chair")).toEqual(stems("The cooperative's chair"));
    expect(extractTerms("Ana le\u200dads the Co\u00adoperative.").map((t) => t.surface)).toEqual(["Ana", "leads", "Cooperative"]);
  });
});
