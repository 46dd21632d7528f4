import { DossierError } from "../errors.js";

/** How many known ids an unknown-report error names; a large archive's would not fit a line. */
const SHOWN = 10;

/**
 * The one line for report ids the index does not hold (what follows from that, when `consequence` says), with some
 * it does; each list is cut at SHOWN ids with how many more there are.
 */
export function unknownReportError(unknown: string[], known: string[], consequence?: string): DossierError {
  const then = consequence ? `, ${consequence}` : "";
  return new DossierError("UNKNOWN_REPORT", `Unknown report ${listed(unknown)}${then}; known reports: ${listed(known) || "none"}.`);
}

function listed(ids: string[]): string {
  const more = ids.length > SHOWN ? ` and ${ids.length - SHOWN} more` : "";
  return `${ids.slice(0, SHOWN).join(", ")}${more}`;
}
