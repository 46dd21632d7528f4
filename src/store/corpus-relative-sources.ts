import path from "node:path";
import type { PreviousIndex } from "../index/index-files.js";
import type { Manifest, RefusedFile, ReportRecord } from "../index/records.js";
import type { IndexStore } from "./index-store.js";

/**
 * A store that keeps the source of a file in the corpus folder relative to that folder ("web/ferry.html"), and gives it
 * back resolved against the corpus folder of this run; a file from elsewhere keeps its absolute path. Everything past
 * the store sees absolute paths. Stored absolute, a checkout moved, copied or mounted elsewhere (a Docker volume, one
 * database shared by machines that mount the corpus at different places) left its corpus reports pointing at the old
 * place: held by a file outside the corpus folder, the moved corpus file was refused as a second claim on its id.
 */
export function withCorpusRelativeSources(store: IndexStore, corpusDir: string): IndexStore {
  const toStored = (source: string) => storedSource(source, corpusDir);
  const fromStored = (stored: string) => (path.isAbsolute(stored) ? stored : path.join(corpusDir, ...stored.split("/")));
  const resolveReports = (reports: ReportRecord[]) => reports.map((r) => ({ ...r, source: fromStored(r.source) }));
  const resolveRefused = (refused: RefusedFile[]) => refused.map((r) => ({ ...r, source: fromStored(r.source) }));
  const resolve = (manifest: Manifest): Manifest => ({ ...manifest, reports: resolveReports(manifest.reports), refused: resolveRefused(manifest.refused) });
  const resolvePrevious = (previous: PreviousIndex): PreviousIndex => ({
    ...previous,
    manifest: previous.manifest && resolve(previous.manifest),
    records: resolveReports(previous.records),
    damaged: resolveReports(previous.damaged),
  });

  return {
    where: store.where,
    pollMs: store.pollMs,
    readManifest: async () => {
      const manifest = await store.readManifest();
      return manifest && resolve(manifest);
    },
    readGeneration: async () => {
      const generation = await store.readGeneration();
      return { ...generation, manifest: resolve(generation.manifest) };
    },
    readPrevious: async () => {
      const previous = await store.readPrevious();
      return previous && resolvePrevious(previous);
    },
    version: () => store.version(),
    withWriteLock: (work) => store.withWriteLock(work),
    write: (draft, added, hooks) =>
      store.write(
        {
          ...draft,
          reports: draft.reports.map((r) => ({ ...r, source: toStored(r.source) })),
          refused: draft.refused.map((r) => ({ ...r, source: toStored(r.source) })),
        },
        added,
        hooks,
      ),
    close: () => store.close(),
  };
}

/** A source as stored: relative to the corpus folder, "/"-separated, when it is inside it; else as given. */
function storedSource(source: string, corpusDir: string): string {
  if (!path.isAbsolute(source)) return source;
  const relative = path.relative(corpusDir, source);
  if (relative === "" || relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return source;
  return relative.split(path.sep).join("/");
}
