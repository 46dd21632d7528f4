import type { IndexGeneration, ManifestDraft, PreviousIndex, StoredReport, WriteHooks } from "../index/index-files.js";
import type { IngestLock } from "../index/ingest-lock.js";
import type { Manifest } from "../index/records.js";

/**
 * Where the index lives. Ingest plans against the live index and hands over the complete new state; retrieval reads
 * the live index whole into memory (SearchIndex), so neither knows which store is in use.
 */
export interface IndexStore {
  /** For messages: the index folder, or "PostgreSQL <host>/<database>" (never credentials). */
  readonly where: string;
  /** How often a long-running process asks `version()` whether another process changed the index; none when only this process writes. */
  readonly pollMs?: number;
  /** The live manifest; undefined when there is no index yet, INDEX_CORRUPT when it cannot be read. */
  readManifest(): Promise<Manifest | undefined>;
  /** The live index, read consistently (never half of one change); INDEX_MISSING or INDEX_CORRUPT. */
  readGeneration(): Promise<IndexGeneration>;
  /** What an ingest can reuse of the live index; undefined when there is none. */
  readPrevious(): Promise<PreviousIndex | undefined>;
  /** Changes whenever the live index does; cheap enough to poll. */
  version(): Promise<string | undefined>;
  /** Runs `work` as the only writer of this index, across processes (and machines, for a shared store); BUSY otherwise. */
  withWriteLock<T>(work: (lock: IngestLock) => Promise<T>): Promise<T>;
  /**
   * Makes `draft` the live index: the reports in `added` are new or replace their previous version, the draft's other
   * reports stay as stored, and reports not in the draft are dropped. A reader sees each report either as it was or
   * as it is now. `hooks.beforeSwap` runs before any of the change is live (a test seam).
   */
  write(draft: ManifestDraft, added: Map<string, StoredReport>, hooks?: WriteHooks): Promise<void>;
  close(): Promise<void>;
}
