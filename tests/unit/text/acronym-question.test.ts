import { describe, expect, it } from "vitest";
import { acronymAsked, meaningAskedBy } from "../../../src/text/acronym-question.js";

describe("a question asking what an acronym is", () => {
  it("asks an acronym's meaning only when that is all it asks, written in capitals", () => {
    expect(acronymAsked("What is the TTWU?")).toBe("TTWU");
    expect(acronymAsked("what does TTWU stand for")).toBe("TTWU");
    expect(acronymAsked("What's NATO?")).toBe("NATO");
    for (const q of ["What is the TTWU asking for?", "what is the ttwu", "What is the plan?", "Who is Gareth Mullaney?"]) expect(acronymAsked(q)).toBeUndefined();
  });

  it("says which of its words ask for the meaning", () => {
    expect(meaningAskedBy("What does MFWU Mean?")).toBe("mean");
    expect(meaningAskedBy("what does the TTWU stand for")).toBe("stand");
    expect(meaningAskedBy("What is the TTWU?")).toBeUndefined();
    expect(meaningAskedBy("what does split shifts mean")).toBeUndefined();
  });
});
