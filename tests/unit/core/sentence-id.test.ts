import { describe, expect, it } from "vitest";
import { parseSentenceId, sentenceId } from "../../../src/core/sentence-id.js";

describe("sentence ids", () => {
  it("read back the report and number they were made from, a '#' in the report id included", () => {
    expect(parseSentenceId(sentenceId("talks", 13))).toEqual({ reportId: "talks", index: 13 });
    expect(parseSentenceId(sentenceId("c#-notes", 0))).toEqual({ reportId: "c#-notes", index: 0 });
  });

  it("are not read from text that is not one", () => {
    for (const id of ["talks", "talks#x", "talks#1.5", "talks#", "talks# 3", "talks#-1", "talks#0x1"]) expect(parseSentenceId(id), id).toBeUndefined();
  });
});
