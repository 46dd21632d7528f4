import type { ReportContext } from "../engine-types.js";
import type { SearchIndex } from "../retrieval/search-index.js";

/**
 * The context use case ("Show context"): a cited sentence with up to `radius` sentences either side of it, from the
 * index live at the time of asking; undefined for an id the index does not hold (a report removed since).
 */
export function createContext(index: () => SearchIndex) {
  return (sentenceId: string, radius = 1): ReportContext | undefined => {
    const found = index().sentence(sentenceId);
    if (!found) return undefined;
    const all = index().sentencesOf(found.report.id);
    const at = found.sentence.index;
    return {
      report: found.report,
      sentences: all.slice(Math.max(0, at - radius), at + radius + 1).map((s) => s.sentence),
    };
  };
}
