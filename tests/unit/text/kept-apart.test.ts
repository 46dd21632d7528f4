import { stemmer } from "stemmer";
import { describe, expect, it } from "vitest";
import { KEPT_APART_FAMILIES } from "../../../src/text/kept-apart.js";
import { normalizeWord, stems } from "../../../src/text/terms.js";

describe("words Porter's stemmer joins with one of another meaning", () => {
  it("keeps an officer apart from an office, and an office's forms together", () => {
    // "Where is the union's regional office?" was answered with a sentence about an officer: both were "offic".
    expect(stems("the union's regional office")).not.toContain(normalizeWord("officer"));
    expect(normalizeWord("officers")).toBe(normalizeWord("officer"));
    expect(normalizeWord("offices")).toBe(normalizeWord("office"));
    expect(stems("The Officer's report")).toEqual(stems("the officers report"));
  });

  it("keeps the pairs Porter is known to join apart: organization and organ, university and universe, general, generous and generate", () => {
    const pairs = [["organization", "organ"], ["university", "universe"], ["general", "generate"], ["generous", "generate"], ["general", "generous"], ["community", "communicate"], ["communism", "community"], ["business", "busy"], ["authority", "author"], ["several", "severe"], ["paste", "past"]];
    for (const [a, b] of pairs) expect(normalizeWord(a!), `${a} / ${b}`).not.toBe(normalizeWord(b!));
  });

  it("lists only words Porter does join, each family under one stem that none of the words it was joined with has", () => {
    for (const { stem, from, forms } of KEPT_APART_FAMILIES) {
      for (const form of forms.split(" ")) {
        expect(stemmer(form), `${form} is joined with ${from}`).toBe(stemmer(from));
        expect(normalizeWord(form)).toBe(stem);
      }
      expect(normalizeWord(from), `${from} keeps Porter's stem`).toBe(stemmer(from));
    }
  });
});
