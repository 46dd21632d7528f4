import type { CitationSource } from "../core/types.js";
import { stripControl } from "./safe-text.js";

/** Where a citation points in the original, as front ends show it: "p. 4" for a PDF page, and the link to open. */
export function citationLocation(source: CitationSource | undefined): { page?: string; url?: string } {
  if (!source) return {};
  return {
    ...(source.page !== undefined && { page: `p. ${source.page}` }),
    // Our own link (the report's address plus a text fragment), not report text; escapes are still never printed.
    ...(source.url !== undefined && { url: stripControl(source.url) }),
  };
}
