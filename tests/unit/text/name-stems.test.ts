import { describe, expect, it } from "vitest";
import { stemsAsNamed } from "../../../src/text/name-stems.js";
import { extractTerms } from "../../../src/text/terms.js";

const term = (question: string, surface: string) => extractTerms(question).find((t) => t.surface === surface)!;

describe("a name's stems", () => {
  it("gives a name's one-word aliases, and a possessive's those of its name", () => {
    expect(stemsAsNamed(term("Who is the Pakistani defence minister?", "Pakistani"))).toContain("pakistan");
    expect(stemsAsNamed(term("Who is Afghanistan's defence minister?", "Afghanistan's"))).toEqual(expect.arrayContaining(["afghanistan", "afghan"]));
    expect(stemsAsNamed(term("Who is Afghanistan’s defence minister?", "Afghanistan’s"))).toContain("afghan");
    expect(stemsAsNamed(term("Who is Afghanistan's defence minister?", "minister"))).toEqual(["minist"]);
  });
});
