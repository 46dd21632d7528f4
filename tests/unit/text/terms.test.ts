import { describe, expect, it } from "vitest";
import { extractTerms } from "../../../src/text/terms.js";

describe("extractTerms", () => {
  it("reads a text's terms once and hands every caller the same frozen list", () => {
    const text = "Turkish and Qatari officials mediated the talks in Istanbul.";
    const first = extractTerms(text);
    expect(first.map((t) => t.stem)).toEqual(["turkish", "qatari", "offici", "mediat", "talk", "istanbul"]);
    expect(extractTerms(text)).toBe(first);
    // Shared between callers, so none can change what the next one reads.
    expect(Object.isFrozen(first) && first.every((t) => Object.isFrozen(t))).toBe(true);
  });
});
