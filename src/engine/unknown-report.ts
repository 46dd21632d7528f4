import { DossierError } from "../errors.js";

/** How many known ids an unknown-report error names; a large archive's would not fit a line. */
const SHOWN = 10;

/**
 * The one line for report ids the index does not hold (what follows from that, when `consequence` says), with some
 * it does; each list is cut at SHOWN ids with how many more there are.
 */
export function unknownReportError(unknown: string[], known: string[], consequence?: string): DossierError {
  const then = consequence ? `, ${consequence}` : "";
  const what = unknown.length === 1 ? "report" : "reports";
  return new DossierError("UNKNOWN_REPORT", `Unknown ${what} ${listed(unknown)}${then}; known reports: ${listed(known) || "none"}.`);
}

function listed(ids: string[]): string {
  const more = ids.length > SHOWN ? ` and ${ids.length - SHOWN} more` : "";
  // An empty id (`--report ""`) would leave "Unknown report ; known…", which reads as a garbled line.
  return `${ids.slice(0, SHOWN).map((id) => id || '""').join(", ")}${more}`;
}
