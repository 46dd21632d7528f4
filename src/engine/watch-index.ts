import path from "node:path";
import type { Logger } from "pino";
import type { IndexStore } from "../store/index-store.js";

export interface IndexWatch {
  /**
   * Loads the index the store holds at `version` and swaps it in, unless a newer generation went live meanwhile
   * (a slow reload finishing after a faster one must not put the older index back). Used by the poller and by the
   * engine after its own ingest.
   */
  reload(version: string | undefined): Promise<boolean>;
  stop(): void;
}

/**
 * A store version's generation number: the database's counter, or the creation time in a local generation folder's
 * name (`gen-<ms>-<random>`). Versions only ever grow, so comparing these numbers orders them.
 */
export function generationNumber(version: string): number {
  const digits = /^(?:gen-)?(\d+)/.exec(path.basename(version))?.[1];
  return digits === undefined ? Number.NaN : Number(digits);
}

/** True when `version` is older than `live`; an unknown order is not "older", so a change is never ignored. */
function isOlder(version: string | undefined, live: string | undefined): boolean {
  if (version === undefined || live === undefined) return false;
  return generationNumber(version) < generationNumber(live);
}

/**
 * Keeps the engine on the newest index: `load` reads the live index, `use` swaps it in. When the store is shared, it
 * also polls the store's version every `store.pollMs` to pick up other processes' changes; a failed poll or reload
 * keeps the index already loaded and is tried again at the next tick.
 */
export function watchIndex<T>(store: IndexStore, seen: string | undefined, load: () => Promise<T>, use: (index: T) => void, logger: Logger): IndexWatch {
  let live = seen;
  const watch: IndexWatch = {
    reload: async (version) => {
      const loaded = await load();
      if (isOlder(version, live)) {
        logger.debug({ version, live }, "a newer index went live while this one loaded; keeping the newer one");
        return false;
      }
      use(loaded);
      live = version;
      return true;
    },
    stop: () => undefined,
  };
  if (store.pollMs === undefined) return watch;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const version = await store.version();
      if (version !== live && !isOlder(version, live)) {
        if (await watch.reload(version)) logger.info({ version }, "index changed by another process; reloaded");
      }
    } catch (error) {
      logger.warn({ err: error }, "could not check the shared index for changes; answering from the one loaded");
    } finally {
      busy = false;
    }
  }, store.pollMs);
  // A poller alone must not keep a finished CLI process alive.
  timer.unref();
  watch.stop = () => clearInterval(timer);
  return watch;
}
