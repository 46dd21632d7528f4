import { existsSync } from "node:fs";
import { withIngestLock } from "../../src/index/ingest-lock.js";

/**
 * Another process's ingest, waiting for the index's lock from the moment `saved` appears: what `look` finds then is
 * what a full ingest would read. It holds the lock long enough to cover the rest of an add (its ingest, and a rollback
 * taking the lock after it). `done()` says the add is over and waits for the watcher.
 */
export function waitingIngest(indexDir: string, saved: string, look: () => string[]): { seen: string[][]; done: () => Promise<void> } {
  const seen: string[][] = [];
  let adding = true;
  const other = (async () => {
    while (adding && !existsSync(saved)) await new Promise((resolve) => setTimeout(resolve, 2));
    for (;;) {
      const held = await withIngestLock(indexDir, async () => {
        seen.push(look());
        await new Promise((resolve) => setTimeout(resolve, 3000));
      }).then(() => true, () => false);
      if (held) return;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  return { seen, done: () => ((adding = false), other) };
}
