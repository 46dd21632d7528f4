import type { Config } from "../config.js";
import { copyIndex } from "../store/copy-index.js";
import { LocalIndexStore } from "../store/local-index-store.js";
import { openIndexStore } from "../store/open-index-store.js";

/** Moves the on-disk index at INDEX_DIR into the configured store as it is: nothing is embedded again. */
export async function copyLocalIndex(config: Config): Promise<{ reports: number; to: string }> {
  const target = await openIndexStore(config);
  try {
    const { reports } = await copyIndex(new LocalIndexStore(config.indexDir, config.corpusDir), target);
    return { reports, to: target.where };
  } finally {
    await target.close();
  }
}
