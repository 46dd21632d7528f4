import { describe, expect, it } from "vitest";
import { isByline, isShortLine, namesNoAuthor } from "../../../src/text/byline.js";

describe("a byline", () => {
  it("states the author: 'By' and a capitalised name, on a short line", () => {
    for (const s of [
      "By Jonas Feldt, Economics Editor, The Veldhaven Times",
      "By Jonas Feldt, Economics Editor, The Veldhaven Times\nVELDHAVEN, Thursday, December 10, 2026",
      "By Hanna Lisowska in Brennock - Thursday, Oct. 8, 2026",
      "By: Ana Lopes",
      "Analysis by Tomas Whitlow, Economics Editor - Saturday, June 20, 2026",
      "By April Hale, Staff Writer",
      "GENEVA, Nov. 24 (Continental Press) - By Halima Oduya",
      // A Markdown paragraph joins the byline and the dateline below it: 101 characters, read as too long for a byline.
      "By Imogen Faulkes, Technology Correspondent, The Western Chronicle ABERCASTLE, Friday 16 October 2026",
      "By Ruaridh Tennant, Transport Correspondent, The Coastal Herald PORT ABERNAY, 24 November 2026",
    ]) {
      expect(isByline(s), s).toBe(true);
    }
  });

  it("is not prose, a headline or a credit inside a sentence", () => {
    for (const s of [
      "By Tuesday, 300 homes were empty.",
      // A deadline heading a list item or a section, near the top of a report as a byline is.
      "By March 2027",
      "By Friday: what the council must decide",
      "By: Monday",
      "By the end of the year the council had spent £4 million on repairs to the bridge.",
      "Orland Philharmonic Orchestra, conducted by Anika Vellacott.",
      "Orland Philharmonic Orchestra, conducted by Anika Vellacott",
      "Pastries baked by Saltmere Bakery",
      "Police hunt thieves who took jewels from Greyhaven museum",
      "by jonas feldt",
      "Reporting by Jane Doe; editing by John Smith",
      `By Jonas Feldt, ${"and a long line that runs on ".repeat(4)}`,
      `By Tuesday, the ${"council and its contractors ".repeat(3)}had cleared the roads of the NHS, GARDA, the county and the town.`,
    ]) {
      expect(isByline(s), s).toBe(false);
    }
  });

  it("names an author, not a site's account or desk", () => {
    // WordPress says "By admin" of every post its administrator's account published: no answer to who wrote it.
    for (const s of [
      "By Admin",
      "By Staff, The River Courier",
      "By Editor",
      "By Webmaster | 3 March 2026",
      "By Staff Reporter",
      "By Editorial Team - Monday, June 1, 2026",
      "By The Editors",
      "GENEVA, Nov. 24 (Continental Press) - By Staff",
    ]) {
      expect(isByline(s), s).toBe(false);
    }
    for (const s of ["By Staffan Larsson", "By Editha Moran, Staff Writer", "By Admir Hoxha | 3 March 2026"]) expect(isByline(s), s).toBe(true);
    expect([namesNoAuthor("admin"), namesNoAuthor("Staff  Writer"), namesNoAuthor("Jane Doe")]).toEqual([true, true, false]);
  });

  it("stands on a short line without a sentence's closing stop", () => {
    expect(isShortLine("By Jane Doe")).toBe(true);
    expect(isShortLine("By Tuesday, the quay was ready.")).toBe(false);
    expect(isShortLine("  ")).toBe(false);
  });
});
