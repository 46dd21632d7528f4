import { describe, expect, it } from "vitest";
import { whatWasAsked } from "../../../src/conversation/what-was-asked.js";

describe("whatWasAsked", () => {
  it("turns 'What did X do …?' into the noun clause its answer is, in the question's tense", () => {
    expect(whatWasAsked("What did the Afghan delegation demand from Islamabad?")).toBe("what the Afghan delegation demanded from Islamabad");
    expect(whatWasAsked("What did Sheriff Daniel Okafor ask people to do?")).toBe("what Sheriff Daniel Okafor asked people to do");
    expect(whatWasAsked("What did the mayor say?")).toBe("what the mayor said");
    expect(whatWasAsked("What does the plan include?")).toBe("what the plan includes");
    expect(whatWasAsked("What has the council approved?")).toBe("what the council has approved");
    expect(whatWasAsked("What will the levy pay for?")).toBe("what the levy will pay for");
  });

  it("gives nothing when the subject cannot be told from the verb, or the question is of another shape", () => {
    expect(whatWasAsked("What did observers say the walkout reflected?")).toBeUndefined();
    expect(whatWasAsked("What did he say?")).toBeUndefined();
    expect(whatWasAsked("Which one did Marovia turn down?")).toBeUndefined();
    expect(whatWasAsked("Who mediated the talks?")).toBeUndefined();
  });
});
