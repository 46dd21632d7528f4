import { describe, expect, it } from "vitest";
import { asKnownIds } from "../../../src/engine/typed-report-ids.js";

describe("asKnownIds", () => {
  const known = ["harbour-talks", "ünïcödé-frost-雪"];

  it("finds an id typed in capitals, or with its accents decomposed as a macOS file name has them", () => {
    expect(asKnownIds(["Harbour-Talks", "ünïcödé-frost-雪".normalize("NFD")], known)).toEqual(known);
  });

  it("keeps an id that matches none as typed, and names each report once", () => {
    expect(asKnownIds(["Nope", "harbour-talks", "HARBOUR-TALKS"], known)).toEqual(["Nope", "harbour-talks"]);
  });
});
