import { describe, expect, it } from "vitest";
import { chunkSentences } from "../../../src/text/chunk-sentences.js";

describe("chunkSentences", () => {
  it("makes overlapping windows that cover every sentence", () => {
    expect(chunkSentences(7, 3, 1)).toEqual([
      { first: 0, last: 2 },
      { first: 2, last: 4 },
      { first: 4, last: 6 },
    ]);
  });

  it("ends with a shorter window rather than dropping sentences", () => {
    expect(chunkSentences(4, 3, 1)).toEqual([
      { first: 0, last: 2 },
      { first: 2, last: 3 },
    ]);
  });

  it("handles tiny and empty reports", () => {
    expect(chunkSentences(1, 3, 1)).toEqual([{ first: 0, last: 0 }]);
    expect(chunkSentences(0, 3, 1)).toEqual([]);
  });

  it("rejects an overlap as large as the window", () => {
    expect(() => chunkSentences(5, 2, 2)).toThrow(RangeError);
  });
});
