import { describe, expect, it } from "vitest";
import { nameConflictCheck } from "../../../src/retrieval/name-conflict.js";
import { extractTerms } from "../../../src/text/terms.js";

const conflicts = (name: string, sentence: string) => nameConflictCheck([extractTerms(name).map(({ stem, surface }) => ({ stem, surface }))])(sentence);

describe("a sentence that gives a name of the question only as part of another name", () => {
  it("names another organisation or person", () => {
    expect(conflicts("Lowmere Water", "The chief executive of Lowmere Hospitals Trust, Gregory Achterberg, said the hospitals had postponed 120 operations.")).toBe(true);
    expect(conflicts("Ines Calloway", "Mark Calloway said the trial would go on.")).toBe(true);
    expect(conflicts("Harrowmark Council", "The Harrowmark Energy Board met on Monday.")).toBe(true);
    // A title before the question's name is left out of it, not a title-like word after it: a hospital's "General".
    expect(conflicts("Dr. Ines Calloway", "Mark Calloway said the trial would go on.")).toBe(true);
    expect(conflicts("Lowmere General", "Lowmere Hospitals Trust said 120 operations were postponed.")).toBe(true);
  });

  it("is no conflict when the sentence gives the name whole, whatever else it names", () => {
    expect(conflicts("Lowmere Water", "Lowmere Water and Lowmere Hospitals Trust both said they were ready.")).toBe(false);
    expect(conflicts("Lowmere Water", "Lowmere Water's chief executive, Ana Reyes, said supplies would hold.")).toBe(false);
  });

  it("is no conflict when the rest of the name is left out, or only titles or a possessive stand beside it", () => {
    expect(conflicts("Ines Calloway", "Calloway said the next step is a trial on sandy soils.")).toBe(false);
    expect(conflicts("Ines Calloway", "Dr. Calloway said the next step is a trial on sandy soils.")).toBe(false);
    expect(conflicts("Ines Calloway", "Chief Inspector Calloway said the search would go on.")).toBe(false);
    expect(conflicts("Harrowmark Energy Board", "The Energy Board said it had relied on the industry.")).toBe(false);
    expect(conflicts("Lowmere Water", "Lowmere's Mayor said the pipes were old.")).toBe(false);
    // A title the question gives is no part of the name either: Mr Forsyth may be Declan Forsyth.
    expect(conflicts("Mr Forsyth", "Chief executive Declan Forsyth said the company had been squeezed.")).toBe(false);
  });

  it("takes no function word that opens the sentence for part of a name", () => {
    expect(conflicts("Ines Calloway", "But Calloway said the trial would go on.")).toBe(false);
    expect(conflicts("Ines Calloway", "When Calloway spoke, she said the trial would go on.")).toBe(false);
    // "Ines" stems to "in": "In Linmouth" was "Ines" of another family.
    expect(conflicts("Ines Valcourt", "In Linmouth, the average home costs £287,500.")).toBe(false);
    expect(conflicts("Linmouth University", "In Linmouth the share is 41 per cent.")).toBe(false);
    expect(conflicts("Ines Calloway", "But Mark Calloway said the trial would go on.")).toBe(true);
  });

  it("ties two names together only by a word no dictionary has", () => {
    expect(conflicts("Trade Representative Mark Ellison", "Canadian International Trade Minister Paul Lefebvre-Arsenault said Ottawa was disappointed.")).toBe(false);
    expect(conflicts("Lowmere Water", "Water Minister Helen Okafor said supplies would hold.")).toBe(false);
  });

  it("asks nothing of a question without a name of two or more words", () => {
    expect(nameConflictCheck([])("Mark Calloway said the trial would go on.")).toBe(false);
  });
});
