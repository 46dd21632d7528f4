import { describe, expect, it } from "vitest";
import { pointsBack } from "../../../src/conversation/follow-up-signals.js";

describe("pointsBack", () => {
  it("tells a reading that still has a pronoun pointing outside it from one that says what it is about", () => {
    expect(pointsBack("Where does she work?")).toBe(true);
    expect(pointsBack("How long did he drive buses?")).toBe(true);
    expect(pointsBack("Was that a record?")).toBe(true);
    expect(pointsBack("Where does Miriam Castellane work?")).toBe(false);
    expect(pointsBack("What will the $1.5 million pay for")).toBe(false);
    // A pronoun whose name is in the same question points nowhere else; an expletive "it" points nowhere.
    expect(pointsBack("What did Judge Kline argue in his dissent?")).toBe(false);
    expect(pointsBack("Is it true that the fares will rise?")).toBe(false);
  });
});
