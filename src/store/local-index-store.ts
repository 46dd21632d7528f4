import { currentGenerationDir, readGeneration, readManifest, readPreviousIndex, writeGeneration } from "../index/index-files.js";
import { type IngestLock, withIngestLock } from "../index/ingest-lock.js";
import { type CorpusSources, corpusSources } from "./corpus-relative-sources.js";
import type { IndexStore } from "./index-store.js";

/**
 * The on-disk index: generations in a folder, swapped in by an atomic rename (src/index/index-files.ts). Reports'
 * sources in `corpusDir` are kept relative to it (corpus-relative-sources.ts).
 */
export class LocalIndexStore implements IndexStore {
  private readonly sources: CorpusSources;

  constructor(
    readonly where: string,
    corpusDir: string,
  ) {
    this.sources = corpusSources(corpusDir);
  }

  async readManifest() {
    const manifest = (await readManifest(this.where))?.manifest;
    return manifest && this.sources.read(manifest);
  }

  async readGeneration() {
    const generation = await readGeneration(this.where);
    return { ...generation, manifest: this.sources.read(generation.manifest) };
  }

  async readPrevious() {
    const previous = await readPreviousIndex(this.where);
    return previous && this.sources.readPrevious(previous);
  }

  version() {
    return currentGenerationDir(this.where);
  }

  withWriteLock<T>(work: (lock: IngestLock) => Promise<T>) {
    return withIngestLock(this.where, work);
  }

  write(...[draft, ...rest]: Parameters<IndexStore["write"]>) {
    return writeGeneration(this.where, this.sources.write(draft), ...rest);
  }

  async close() {}
}
