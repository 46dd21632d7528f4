import { describe, expect, it } from "vitest";
import { unknownReportError } from "../../../src/engine/unknown-report.js";

describe("unknownReportError", () => {
  it("names the known reports, and how many more there are beyond the first ten", () => {
    expect(unknownReportError(["nope"], ["ferry", "talks"]).message).toBe("Unknown report nope; known reports: ferry, talks.");
    expect(unknownReportError(["nope"], []).message).toBe("Unknown report nope; known reports: none.");
    // Only ten were named, as if they were all: a user of a large archive read the list as complete.
    const known = Array.from({ length: 57 }, (_, i) => `report-${String(i).padStart(2, "0")}`);
    const error = unknownReportError(["a", "b"], known);
    expect(error).toMatchObject({ code: "UNKNOWN_REPORT" });
    expect(error.message).toBe(`Unknown reports a, b; known reports: ${known.slice(0, 10).join(", ")} and 47 more.`);
  });

  it("says an empty id as one, so the line does not read 'Unknown report ;'", () => {
    expect(unknownReportError([""], ["ferry"]).message).toBe('Unknown report ""; known reports: ferry.');
    expect(unknownReportError(["nope", ""], ["ferry"], "so nothing was removed").message).toBe('Unknown reports nope, "", so nothing was removed; known reports: ferry.');
  });
});
