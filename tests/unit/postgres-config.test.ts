import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { describeStore, openIndexStore } from "../../src/store/open-index-store.js";

describe("index store and sharding settings", () => {
  it("uses the on-disk index unless told otherwise", () => {
    expect(loadConfig({}).store).toEqual({ kind: "local" });
  });

  it("needs DATABASE_URL for the PostgreSQL store, and names the database without its password", () => {
    expect(() => loadConfig({ INDEX_STORE: "postgres" })).toThrow("INDEX_STORE=postgres needs DATABASE_URL");
    expect(() => loadConfig({ INDEX_STORE: "postgres", DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
    const config = loadConfig({ INDEX_STORE: "postgres", DATABASE_URL: "postgres://dossier:s3cret@db.internal:5433/news", INDEX_POLL_MS: "500" });
    expect(config.store).toEqual({ kind: "postgres", databaseUrl: "postgres://dossier:s3cret@db.internal:5433/news", pollMs: 500 });
    expect(describeStore(config)).toBe("PostgreSQL db.internal:5433/news");
  });

  it("says in one line, without the password, when the database cannot be reached", async () => {
    // Port 1 on the loopback address: nothing listens there, so the connection is refused at once.
    const config = loadConfig({ INDEX_STORE: "postgres", DATABASE_URL: "postgres://dossier:s3cret@127.0.0.1:1/news" });
    const failure = await openIndexStore(config).then(
      () => undefined,
      (error: Error & { code?: string }) => error,
    );
    expect(failure).toMatchObject({ code: "STORE_UNAVAILABLE", message: "Cannot use the index in PostgreSQL 127.0.0.1:1/news: ECONNREFUSED." });
    expect(failure!.message).not.toContain("s3cret");
  });

  it("reads SHARDS as auto or a count, except in a shard process where discord.js owns that variable", () => {
    expect(loadConfig({}).discord.shards).toBeUndefined();
    expect(loadConfig({ SHARDS: "auto" }).discord.shards).toBe("auto");
    expect(loadConfig({ SHARDS: "3" }).discord.shards).toBe(3);
    expect(() => loadConfig({ SHARDS: "many" })).toThrow(/SHARDS/);
    expect(loadConfig({ SHARDS: "[0]", SHARDING_MANAGER: "true" }).discord.shards).toBeUndefined();
  });

  it("reads SHARD_LIST as this machine's share of SHARDS", () => {
    expect(loadConfig({ SHARDS: "8", SHARD_LIST: "4, 5,6,7" }).discord).toMatchObject({ shards: 8, shardList: [4, 5, 6, 7] });
    expect(() => loadConfig({ SHARDS: "auto", SHARD_LIST: "0" })).toThrow(/SHARD_LIST needs SHARDS/);
    expect(() => loadConfig({ SHARDS: "4", SHARD_LIST: "3,4" })).toThrow(/SHARD_LIST needs SHARDS/);
    expect(() => loadConfig({ SHARDS: "4", SHARD_LIST: "one" })).toThrow(/SHARD_LIST must be shard numbers/);
  });
});
