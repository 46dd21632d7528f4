import type { IndexStore } from "./index-store.js";

/** Makes `to` hold exactly `from`'s live index, vectors included: moving stores without embedding anything again. */
export async function copyIndex(from: IndexStore, to: IndexStore): Promise<{ reports: number }> {
  const generation = await from.readGeneration();
  await to.withWriteLock(() => to.write(generation.manifest, generation.reports));
  return { reports: generation.manifest.reports.length };
}
