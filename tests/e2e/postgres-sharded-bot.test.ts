import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config.js";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { ingestPaths } from "../../src/index/ingest.js";
import { silentLogger } from "../../src/logger.js";
import { openIndexStore } from "../../src/store/open-index-store.js";
import { startTestDatabase, type TestDatabase } from "../helpers/postgres-server.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";
import * as interactions from "./discord-interactions.js";
import { APP_ID, startFakeDiscord, type FakeDiscord } from "./fake-discord.js";

const MEDIATED = "The talks, mediated by Turkish and Qatari officials";

let db: TestDatabase;
let fake: FakeDiscord;
let ws: Workspace;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  [db, fake] = await Promise.all([startTestDatabase(), startFakeDiscord()]);
  ws = makeWorkspace();
  env = { ...process.env, ...ws.env, INDEX_STORE: "postgres", DATABASE_URL: db.url, DISCORD_TOKEN: "fake-token", DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: "silent", ANSWER_MODE: "extractive" };
  // The shared index is built once, by an ingest elsewhere; the shards only read it.
  const config = loadConfig({ ...env, LOG_LEVEL: "silent" } as Record<string, string>);
  const store = await openIndexStore(config);
  await ingestPaths([ws.corpusDir], { config, embeddings: new LocalUseEmbeddings(), logger: silentLogger, store });
  await store.close();
});
afterAll(async () => {
  await fake?.close();
  await db?.stop();
  ws?.cleanup();
});

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  return exited;
}

describe("npm run bot with SHARDS", () => {
  it("starts a ShardingManager whose shards each log in as their own shard and answer from the shared PostgreSQL index", async () => {
    const manager = spawn(process.execPath, ["--import", "tsx", "scripts/bot.ts"], { env: { ...env, SHARDS: "2", SHARD_SPAWN_DELAY_MS: "0", LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    manager.stderr!.on("data", (d) => (stderr += d));
    try {
      // Each shard is a whole engine (model and index) in its own process: allow for two starting on 2 busy cores.
      await vi.waitFor(() => expect(fake.identifications.map((d) => d.shard).sort()).toEqual([[0, 2], [1, 2]]), { timeout: 150_000, interval: 200 });
      expect(fake.identifications.every((d) => d.token === "fake-token")).toBe(true);

      // The fake sends the interaction to every connected shard (Discord would pick one): each answers it.
      const sent = interactions.ask({ userId: "700000000000000001" }, "Who mediated the talks in Istanbul?");
      fake.dispatchInteraction(sent.payload);
      const answered = () =>
        fake.requests.filter((r) => r.method === "PATCH" && r.path === `/webhooks/${APP_ID}/${sent.token}/messages/@original` && JSON.stringify(r.body).includes(MEDIATED));
      await vi.waitFor(() => expect(answered()).toHaveLength(2), { timeout: 30_000, interval: 100 });
    } finally {
      await stop(manager);
    }
    expect(stderr).toBe("");
  }, 240_000);
});
