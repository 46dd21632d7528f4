import { DossierError } from "../errors.js";

/** How many known ids an unknown-report error names; a large archive's would not fit a line. */
const SHOWN = 10;

/** The one line for report ids the index does not hold, with some it does, and how many more there are. */
export function unknownReportError(unknown: string[], known: string[]): DossierError {
  const more = known.length > SHOWN ? ` and ${known.length - SHOWN} more` : "";
  return new DossierError("UNKNOWN_REPORT", `Unknown report ${unknown.join(", ")}; known reports: ${known.slice(0, SHOWN).join(", ") || "none"}${more}.`);
}
