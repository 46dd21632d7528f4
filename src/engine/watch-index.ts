import type { Logger } from "pino";
import type { IndexStore } from "../store/index-store.js";

export interface IndexWatch {
  /** The store's version the engine answers from; set after the engine reloads by itself (its own ingest). */
  seen: string | undefined;
  stop(): void;
}

/**
 * Reloads the index when another process changed it (a shared store): the store's version is polled every
 * `store.pollMs`. A failed poll or reload keeps the index already loaded and is tried again at the next tick.
 */
export function watchIndex(store: IndexStore, seen: string | undefined, reload: () => Promise<void>, logger: Logger): IndexWatch {
  const watch: IndexWatch = { seen, stop: () => undefined };
  if (store.pollMs === undefined) return watch;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const version = await store.version();
      if (version !== watch.seen) {
        await reload();
        watch.seen = version;
        logger.info({ version }, "index changed by another process; reloaded");
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
