import { readStoredReports } from "../index/index-files.js";
import type { IndexStore } from "./index-store.js";

/** Makes `to` hold exactly `from`'s live index, vectors included: moving stores without embedding anything again. */
export async function copyIndex(from: IndexStore, to: IndexStore): Promise<{ reports: number }> {
  const generation = await from.readGeneration();
  // Checksums and segments belong to the source's files; the target keeps its own where it keeps any.
  const { checksums: _, segments: __, ...draft } = generation.manifest;
  await to.withWriteLock(() => to.write(draft, readStoredReports(generation)));
  return { reports: generation.manifest.reports.length };
}
