import path from "node:path";
import { pathInside } from "../core/path-inside.js";
import type { ManifestDraft, PreviousIndex } from "../index/index-files.js";
import type { Manifest, RefusedFile, ReportRecord } from "../index/records.js";

/** How a store keeps report sources: what it reads is turned into absolute paths, what it writes into stored ones. */
export interface CorpusSources {
  read(manifest: Manifest): Manifest;
  readPrevious(previous: PreviousIndex): PreviousIndex;
  write(draft: ManifestDraft): ManifestDraft;
}

/**
 * Every store keeps the source of a file in the corpus folder relative to that folder ("web/ferry.html"), and gives
 * it back resolved against the corpus folder of this run; a file from elsewhere keeps its absolute path. Everything
 * past the store sees absolute paths. Stored absolute, a checkout moved, copied or mounted elsewhere (a Docker volume,
 * one database shared by machines that mount the corpus at different places) left its corpus reports pointing at the
 * old place: held by a file outside the corpus folder, the moved corpus file was refused as a second claim on its id.
 */
export function corpusSources(corpusDir: string): CorpusSources {
  const fromStored = (stored: string) => (path.isAbsolute(stored) ? stored : path.join(corpusDir, ...stored.split("/")));
  const resolve = <T extends ReportRecord | RefusedFile>(items: T[]) => items.map((r) => ({ ...r, source: fromStored(r.source) }));
  const stored = <T extends ReportRecord | RefusedFile>(items: T[]) => items.map((r) => ({ ...r, source: storedSource(r.source, corpusDir) }));
  const read = (manifest: Manifest): Manifest => ({ ...manifest, reports: resolve(manifest.reports), refused: resolve(manifest.refused) });
  return {
    read,
    readPrevious: (previous) => ({
      ...previous,
      manifest: previous.manifest && read(previous.manifest),
      records: resolve(previous.records),
      damaged: resolve(previous.damaged),
    }),
    write: (draft) => ({ ...draft, reports: stored(draft.reports), refused: stored(draft.refused) }),
  };
}

/** A source as stored: relative to the corpus folder, "/"-separated, when it is inside it; else as given. */
function storedSource(source: string, corpusDir: string): string {
  if (!path.isAbsolute(source)) return source;
  const relative = pathInside(corpusDir, source);
  return relative ? relative.split(path.sep).join("/") : source;
}
