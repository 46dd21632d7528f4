import { describe, expect, it } from "vitest";
import { ReportNames } from "../../../src/retrieval/report-names.js";
import { extractTerms, stems } from "../../../src/text/terms.js";

const report = (text: string) => new ReportNames(text, new Set(stems(text)));
const name = (word: string) => extractTerms(`Ask about ${word}`).at(-1)!;

describe("names a report goes by", () => {
  it("finds American, United States and America where the report says U.S.", () => {
    const r = report("Officials said U.S. drones had crossed the border.");
    expect(r.has(name("American"))).toBe(true);
    expect(r.has(name("America"))).toBe(true);
  });

  it("finds a country from its demonym and a demonym from its country", () => {
    const r = report("The talks were mediated by Turkish and Qatari officials.");
    expect(r.has(name("Turkey"))).toBe(true);
    expect(r.has(name("Qatar"))).toBe(true);
    expect(report("Talks resumed in Qatar and Turkey.").has(name("Qatari"))).toBe(true);
  });

  it("links an acronym the report defines with its full name, within a sentence's neighbourhood too", () => {
    const text = "The Harbour Safety Board (HSB) closed the port. The board said inspections would continue.";
    const r = report(text);
    const first = new Set(stems("The Harbour Safety Board closed the port."));
    const second = new Set(stems("The HSB said inspections would continue."));
    expect(r.foundIn(name("HSB"), [first])).toBe(true);
    expect(r.foundIn(name("Harbour"), [second])).toBe(true);
    expect(report("The HSB closed the port.").foundIn(name("Harbour"), [second])).toBe(false);
  });

  it("does not find a name the report never uses", () => {
    const r = report("The talks were mediated by Turkish and Qatari officials.");
    expect(r.has(name("Egypt"))).toBe(false);
    expect(r.has(name("Boric"))).toBe(false);
  });
});
