import path from "node:path";
import { isGone } from "../core/is-gone.js";
import type { Config } from "../config.js";
import { shownPath } from "../display/shown-path.js";
import { DossierError } from "../errors.js";
import type { IndexStore } from "../store/index-store.js";
import { TEXT_ANALYSIS_VERSION } from "../text/analysis-version.js";
import { fingerprintAt, reportFilesAmong } from "./list-reports.js";
import { hashOfReportFile } from "./read-report.js";

/**
 * Whether the index must be (re)built from the corpus folder before answering: it is missing or unreadable, the
 * chunking settings or the text analysis (sentence splitting, word stems) changed, or a report under the corpus folder
 * was added, changed or deleted since the last ingest. Files ingest refused (new ones, and new versions of indexed
 * reports) are remembered in the manifest and count as unchanged while they are. An index built by another embedder is
 * not stale but mismatched, and is refused when loaded.
 */
export async function findStaleness(
  config: Config,
  store: IndexStore,
  embedderName: string,
  /** Every file under the corpus folder (`filesUnder`), as the start walked it. */
  corpusFiles: readonly string[],
): Promise<{ notice: string; repair: boolean } | undefined> {
  const corpus = shownPath(config.corpusDir);
  let manifest;
  try {
    manifest = await store.readManifest();
  } catch (error) {
    if (!(error instanceof DossierError && error.code === "INDEX_CORRUPT")) throw error;
    // Without its list of reports the index cannot say which reports it held or where their files are: the repair
    // rebuilds from the corpus folder alone, and a report ingested from elsewhere must not vanish unannounced.
    const listReadable = await store.readPrevious().then(
      () => true,
      () => false,
    );
    const notice = listReadable
      ? "The index is unreadable; repairing it from the reports' source files…"
      : // Not error.detail: JSON.parse's or zod's text runs to several lines, and this is a one-line notice.
        `The index's list of reports is unreadable (its manifest.json is damaged), so reports ingested from outside ${corpus}/ must be ingested again; rebuilding it from ${corpus}/…`;
    return { notice, repair: true };
  }
  if (!manifest) return { notice: `No index yet: building it from ${corpus}/ (first run only)…`, repair: false };
  if (manifest.embedder.name !== embedderName) return undefined;
  if (manifest.chunking.sentences !== config.chunkSentences || manifest.chunking.overlap !== config.chunkOverlap) {
    return { notice: "The chunking settings changed since the last ingest; re-indexing the reports…", repair: false };
  }
  // An index built by an older version of Dossier holds sentences and stems a question's no longer match.
  if (manifest.analysis !== TEXT_ANALYSIS_VERSION) {
    return { notice: "How reports are split into sentences and words changed since the index was built; re-indexing the reports…", repair: false };
  }

  const files = reportFilesAmong(corpusFiles);
  const indexed = new Map(manifest.reports.map((r) => [r.source, r.hash]));
  const refused = new Map(manifest.refused.map((r) => [r.source, r.fingerprint]));
  for (const file of files) {
    const hash = indexed.get(file);
    // A report's file that cannot be read (no permission, gone since it was listed) is the ingest's to say why, and
    // to keep the report: thrown from here, its system error stopped the start. Once the ingest has said it, it is
    // remembered among the refusals and no longer news.
    if (hash !== undefined && (await hashOfReportFile(file)) === hash) continue;
    // An indexed report whose new version was refused (too little text, binary now) keeps its previous version; that
    // refusal, like any other, is said once per version of the file, not again at every start.
    if (refused.get(file) !== (await fingerprintAt(file))) return changed(corpus);
  }
  const present = new Set(files);
  const inCorpus = (source: string) => source.startsWith(config.corpusDir + path.sep);
  // Only a file that is gone: one the listing missed (in a folder that cannot be listed) is kept by the ingest, so
  // announcing its removal would repeat at every start.
  const unlisted = manifest.reports.filter((r) => inCorpus(r.source) && !present.has(r.source));
  const gone = (await Promise.all(unlisted.map((r) => isGone(r.source)))).some(Boolean);
  return gone ? { notice: `A report was removed from ${corpus}/; updating the index…`, repair: false } : undefined;
}

function changed(corpus: string) {
  return { notice: `${corpus}/ changed since the last ingest; updating the index…`, repair: false };
}
