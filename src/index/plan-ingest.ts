import path from "node:path";
import { corpusName } from "../core/corpus-name.js";
import { pathInside } from "../core/path-inside.js";
import type { ReportFile } from "./read-report.js";
import type { ReportRecord } from "./records.js";

export interface Chunking {
  sentences: number;
  overlap: number;
}

/** A file this ingest was asked to read: the report, or why it could not be read. */
export type ReadFile = { file: string; report: ReportFile } | { file: string; error: string };

/** What the plan needs to know of the live index and of the disk around it. */
export interface PreviousState {
  records: ReportRecord[];
  /** Reports whose stored sentences and vectors are intact and may be reused. */
  intact: ReadonlySet<string>;
  /** How the live index was built; undefined when its manifest could not be read in full. */
  built?: { embedder: string; chunking: Chunking; analysis?: number };
  /** Sources (of previous reports) that still exist on disk. */
  existing: ReadonlySet<string>;
  /**
   * Previous reports whose stored vectors cannot be reused, re-read from their source, by id; one whose source is gone
   * is read from the text its intact stored copy holds.
   */
  repairs: ReadonlyMap<string, ReadFile>;
}

export interface PlanSettings {
  embedder: string;
  chunking: Chunking;
  /** The text analysis sentences and stems are built by now (text/analysis-version.ts). */
  analysis: number;
  /** Re-embed every report, even unchanged ones. */
  rebuild: boolean;
  /**
   * Folders this ingest reads in full (absolute). A report whose source file is gone is dropped only when that file
   * was in one of them: an ingest of named files was not asked about it, so it keeps it.
   */
  folders: readonly string[];
  /** The corpus folder (absolute): a refusal names a file within it, never by its path on the server. */
  corpusDir: string;
}

/** A report to segment, chunk and embed. */
export interface EmbedJob {
  report: ReportFile;
  status: "added" | "updated";
}

export interface IngestPlan {
  /**
   * Previous reports reused as stored; `named` when this run was asked about them (reported as "unchanged", or as
   * "updated" when `relinked`: the same bytes are now known under another address, which citations link to), and
   * `moved` when its file is now elsewhere (the index must be written to say where, though no report changed).
   */
  keep: Array<{ record: ReportRecord; named: boolean; relinked?: boolean; moved?: boolean }>;
  embed: EmbedJob[];
  /** Ids of previous reports dropped, each because its source file is gone. */
  remove: string[];
  /** Previous reports kept although their source file is gone, because this ingest was not asked about them. */
  missing: Array<{ id: string; source: string }>;
  refuse: Array<{ file: string; reason: string }>;
}

/**
 * Decides what an ingest does, without touching the disk or the model.
 * Rules: a named report whose bytes are unchanged is kept as stored, with what its file now says of where it is from
 * (the same page text, fetched again from an address that now redirects elsewhere, is cited there); a changed one is
 * embedded again; a previous report
 * not named this run is kept while its source file exists; once it is gone, it is removed by an ingest of a folder
 * that held it and kept (and listed as missing) by any other; a damaged one is re-read from its source; a second
 * file claiming an id another file holds is refused.
 */
export function planIngest(previous: PreviousState | undefined, files: ReadFile[], settings: PlanSettings): IngestPlan {
  const byId = new Map((previous?.records ?? []).map((r) => [r.id, r]));
  const reuse = vectorsReusable(previous?.built, settings);
  const plan: IngestPlan = { keep: [], embed: [], remove: [], missing: [], refuse: [] };
  const inFolders = (file: string) => settings.folders.some((folder) => file.startsWith(folder + path.sep));
  const claimed = new Map<string, string>();
  // A refusal may be read by whoever ran /ingest on Discord, a stranger: no path on the server may show in it.
  const shown = (file: string) => corpusName(file, settings.corpusDir) ?? "a report from outside the corpus folder";

  for (const read of files) {
    if ("error" in read) {
      plan.refuse.push({ file: read.file, reason: read.error });
      continue;
    }
    const { report } = read;
    const old = byId.get(report.id);
    const heldElsewhere = old && old.source !== report.source && previous!.existing.has(old.source) && !sameCorpusPlace(old.source, report.source, settings.corpusDir);
    const holder = claimed.get(report.id) ?? (heldElsewhere ? old.source : undefined);
    if (holder !== undefined) {
      plan.refuse.push({ file: read.file, reason: `${path.basename(read.file)}: report id "${report.id}" is already taken by ${shown(holder)}` });
      continue;
    }
    claimed.set(report.id, report.source);
    if (old && reuse && old.hash === report.hash && previous!.intact.has(old.id)) {
      const relinked = old.origin?.url !== report.origin.url;
      plan.keep.push({ record: { ...old, source: report.source, origin: report.origin }, named: true, relinked, moved: old.source !== report.source });
    } else {
      plan.embed.push({ report, status: old ? "updated" : "added" });
    }
  }

  for (const old of previous?.records ?? []) {
    if (claimed.has(old.id)) continue;
    if (!previous!.existing.has(old.source) && inFolders(old.source)) {
      plan.remove.push(old.id);
    } else if (!previous!.existing.has(old.source)) {
      const stored = previous!.repairs.get(old.id);
      if (reuse && previous!.intact.has(old.id)) {
        plan.keep.push({ record: old, named: false });
        plan.missing.push({ id: old.id, source: old.source });
      } else if (stored && "report" in stored && stored.report.id === old.id) {
        // Another sentence splitter, stemmer or embedder needs the report analysed again, which its stored text allows:
        // an upgrade that re-indexes at start would otherwise drop every report whose file was deleted after its ingest.
        plan.embed.push({ report: stored.report, status: "updated" });
        plan.missing.push({ id: old.id, source: old.source });
      } else {
        // Neither its stored vectors nor its source can be used: the one case a named ingest cannot keep a report.
        plan.remove.push(old.id);
        const reason = `${old.id}: cannot be kept (its stored copy is unusable and its source ${shown(old.source)} is missing)`;
        plan.refuse.push({ file: old.source, reason });
      }
    } else if (reuse && previous!.intact.has(old.id)) {
      plan.keep.push({ record: old, named: false });
    } else {
      const repaired = previous!.repairs.get(old.id);
      if (repaired && "report" in repaired && repaired.report.id === old.id) plan.embed.push({ report: repaired.report, status: "updated" });
      else {
        plan.remove.push(old.id);
        if (repaired && "error" in repaired) plan.refuse.push({ file: old.source, reason: repaired.error });
      }
    }
  }
  return plan;
}

/**
 * Whether a report held by a file outside the corpus folder is the same place as `file` in it: the same path under a
 * folder of the corpus folder's name (/old/checkout/corpus/web/a.html and corpus/web/a.html). Indexes written before
 * corpus sources were stored relative to the corpus folder (store/corpus-relative-sources.ts) hold the absolute path
 * of the checkout that built them; copied or mounted elsewhere while that checkout still exists, their corpus reports
 * would otherwise be held by its files, and every corpus file refused as a second claim on its own id.
 */
function sameCorpusPlace(held: string, file: string, corpusDir: string): boolean {
  const relative = pathInside(corpusDir, file);
  if (relative === undefined || held.startsWith(corpusDir + path.sep)) return false;
  return held.endsWith(path.sep + path.join(path.basename(corpusDir), relative));
}

/**
 * Stored vectors are reused only when the index was built by the same embedder with the same chunking and text
 * analysis: another sentence splitter gives other sentences, whose vectors and ids the stored ones are not.
 */
export function vectorsReusable(built: PreviousState["built"], settings: PlanSettings): boolean {
  return (
    !settings.rebuild &&
    built !== undefined &&
    built.embedder === settings.embedder &&
    built.chunking.sentences === settings.chunking.sentences &&
    built.chunking.overlap === settings.chunking.overlap &&
    built.analysis === settings.analysis
  );
}
