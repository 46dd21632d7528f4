import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/logger.js";
import { generationNumber, watchIndex } from "../../../src/engine/watch-index.js";
import type { IndexStore } from "../../../src/store/index-store.js";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("watchIndex", () => {
  it("orders local generation folders and database counters by their number", () => {
    expect(generationNumber("/data/index/gen-1700000000123-0a9f3c")).toBe(1700000000123);
    expect(generationNumber("42")).toBe(42);
  });

  it("never swaps in an older generation than the one live, whichever reload finishes last", async () => {
    let version = "/idx/gen-1000-aaaaaa";
    const store = { pollMs: 1, version: async () => version } as unknown as IndexStore;
    const polled = deferred<void>();
    const slowLoad = deferred<string>();
    let loads = 0;
    const load = () => {
      loads += 1;
      if (loads === 1) {
        polled.resolve();
        return slowLoad.promise;
      }
      return Promise.resolve("gen-3000");
    };
    let live = "gen-1000";
    version = "/idx/gen-2000-bbbbbb";
    const watch = watchIndex(store, "/idx/gen-1000-aaaaaa", load, (index) => (live = index), silentLogger);
    try {
      // The poller sees gen-2000 and starts a slow load; meanwhile this process's own ingest makes gen-3000 live.
      await polled.promise;
      version = "/idx/gen-3000-cccccc";
      expect(await watch.reload(version)).toBe(true);
      expect(live).toBe("gen-3000");
      slowLoad.resolve("gen-2000");
      await slowLoad.promise;
      await new Promise((resolve) => setImmediate(resolve));
      expect(live).toBe("gen-3000");
      expect(await watch.reload("/idx/gen-2000-bbbbbb")).toBe(false);
      expect(live).toBe("gen-3000");
    } finally {
      watch.stop();
    }
  });
});
