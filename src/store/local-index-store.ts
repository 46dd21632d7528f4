import { currentGenerationDir, readGeneration, readManifest, readPreviousIndex, writeGeneration } from "../index/index-files.js";
import { type IngestLock, withIngestLock } from "../index/ingest-lock.js";
import type { IndexStore } from "./index-store.js";

/** The on-disk index: generations in a folder, swapped in by an atomic rename (src/index/index-files.ts). */
export class LocalIndexStore implements IndexStore {
  constructor(readonly where: string) {}

  async readManifest() {
    return (await readManifest(this.where))?.manifest;
  }

  readGeneration() {
    return readGeneration(this.where);
  }

  readPrevious() {
    return readPreviousIndex(this.where);
  }

  version() {
    return currentGenerationDir(this.where);
  }

  withWriteLock<T>(work: (lock: IngestLock) => Promise<T>) {
    return withIngestLock(this.where, work);
  }

  write(...args: Parameters<IndexStore["write"]>) {
    return writeGeneration(this.where, ...args);
  }

  async close() {}
}
