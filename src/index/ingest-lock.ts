import fs from "node:fs";
import { mkdir, utimes } from "node:fs/promises";
import path from "node:path";
import pRetry from "p-retry";
import lockfile from "proper-lockfile";
import { DossierError } from "../errors.js";
import { indexFolderProblem } from "./index-folder-problem.js";
import { HOLDER_FILE, holderIsGone, writeHolder } from "./lock-holder.js";

/**
 * One ingest at a time per index folder, across processes. proper-lockfile holds a lock folder whose mtime the holder
 * refreshes every few seconds; a lock not refreshed for `LOCK_STALE_MS` belongs to a dead holder and is taken over.
 * Unlike a PID in a file, this survives PID reuse and containers where every ingest runs as PID 1. The holder is also
 * recorded in the folder (lock-holder.ts), so that a lock whose holder process is known to be gone, as after a
 * `kill -9`, is taken over at once rather than after the stale time.
 */
export const LOCK = "ingest.lock";
const GUARD = "ingest.lock.guard";

// Long enough that a holder busy building a large index still refreshes it in time; a crashed ingest whose end a taker
// cannot see (lock-holder.ts) blocks others for at most this long.
export const LOCK_STALE_MS = 30_000;
const LOCK_UPDATE_MS = 5_000;
// The guard is held for the few milliseconds a taker needs to acquire the lock itself.
const GUARD_STALE_MS = 5_000;

/**
 * Lock folders, plus the lone `ingest.lock` file an older Dossier wrote (a PID inside): proper-lockfile removes a stale
 * lock with rmdir, which a file would refuse.
 */
const folderOrFileFs = {
  ...fs,
  rmdir: (file: fs.PathLike, callback: (err: NodeJS.ErrnoException | null) => void) =>
    fs.rmdir(file, (err) => (err?.code === "ENOTDIR" ? fs.unlink(file, callback) : callback(err))),
};

/**
 * The lock folder holds its holder's record, written as the folder is made: before proper-lockfile reads the
 * folder's mtime, which it checks is still its own at every refresh. Removing the lock (released, taken over, or at
 * exit) removes the record first, and nothing else: a stray file in the folder still fails the removal.
 */
const lockFs = {
  ...folderOrFileFs,
  mkdir: (dir: string, callback: (err: NodeJS.ErrnoException | null) => void) =>
    fs.mkdir(dir, (err) => {
      if (err) return callback(err);
      // A record not written only leaves a taker to the stale time, as before records were kept.
      writeHolder(dir, () => callback(null));
    }),
  rmdir: (dir: string, callback: (err: NodeJS.ErrnoException | null) => void) =>
    fs.unlink(path.join(dir, HOLDER_FILE), () => folderOrFileFs.rmdir(dir, callback)),
  rmdirSync: (dir: string) => {
    fs.rmSync(path.join(dir, HOLDER_FILE), { force: true });
    fs.rmdirSync(dir);
  },
};

export interface IngestLock {
  /** Throws BUSY when another process took the lock over meanwhile (this one stalled past the stale limit). */
  assertHeld(): void;
}

export async function withIngestLock<T>(indexDir: string, work: (lock: IngestLock) => Promise<T>): Promise<T> {
  try {
    await mkdir(indexDir, { recursive: true });
  } catch (error) {
    throw indexFolderProblem(indexDir, error, "write");
  }
  let compromised: Error | undefined;
  const release = await acquire(indexDir, (error) => {
    compromised = error;
  });
  const lock: IngestLock = {
    assertHeld: () => {
      if (compromised) {
        throw new DossierError("BUSY", "Another ingest took over the index's lock; this one stopped without changing the index.", {
          cause: compromised,
          forOperator: `Another ingest took over the lock on ${indexDir}; this one stopped without changing the index.`,
        });
      }
    },
  };
  try {
    return await work(lock);
  } finally {
    await release().catch(() => undefined);
  }
}

/**
 * Takers go through a short-lived guard lock, so two of them never both judge the same stale lock dead and each take
 * it (proper-lockfile's own take-over removes and recreates the folder in two steps, which two takers can interleave).
 */
async function acquire(indexDir: string, onCompromised: (error: Error) => void): Promise<() => Promise<void>> {
  const options = { realpath: false, retries: 0 };
  let releaseGuard: () => Promise<void>;
  try {
    // proper-lockfile keeps its locks by the path passed first, so guard and lock each pass their own.
    const takeGuard = () =>
      lockfile.lock(path.join(indexDir, GUARD), {
        ...options,
        fs: folderOrFileFs,
        lockfilePath: path.join(indexDir, GUARD),
        stale: GUARD_STALE_MS,
        // A taker stalled past the guard's stale limit only lets a second taker in; the lock itself still decides.
        onCompromised: () => undefined,
      });
    // Another taker holds the guard for milliseconds: worth waiting for. Any other failure (a folder that cannot be
    // written, a stale guard that cannot be removed) is reported at once rather than after a second of retries.
    releaseGuard = await pRetry(takeGuard, {
      retries: 20,
      minTimeout: 5,
      maxTimeout: 50,
      shouldRetry: ({ error }) => (error as NodeJS.ErrnoException).code === "ELOCKED",
    });
  } catch (error) {
    throw lockError(indexDir, error);
  }
  try {
    // Under the guard no other taker looks meanwhile, and a gone holder cannot refresh the lock: dating it back makes
    // proper-lockfile's own take-over of a stale lock take it now.
    if (await holderIsGone(path.join(indexDir, LOCK))) await utimes(path.join(indexDir, LOCK), new Date(0), new Date(0));
    return await lockfile.lock(path.join(indexDir, LOCK), {
      ...options,
      fs: lockFs,
      lockfilePath: path.join(indexDir, LOCK),
      stale: LOCK_STALE_MS,
      update: LOCK_UPDATE_MS,
      onCompromised,
    });
  } catch (error) {
    throw lockError(indexDir, error);
  } finally {
    await releaseGuard().catch(() => undefined);
  }
}

function lockError(indexDir: string, error: unknown): DossierError {
  if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
    // The folder is named for the operator only: the line may be an /ingest reply to a Discord user.
    return new DossierError("BUSY", "Another ingest is running on the index; try again when it ends.", {
      cause: error,
      forOperator: `Another ingest is running on ${indexDir}; try again when it ends.`,
    });
  }
  return indexFolderProblem(indexDir, error, "write");
}
