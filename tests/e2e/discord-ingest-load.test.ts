import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import { runBot, type StopBot } from "../../src/discord/run-bot.js";
import { createEngine } from "../../src/engine.js";
import type { Engine } from "../../src/engine-types.js";
import { silentLogger } from "../../src/logger.js";
import * as interactions from "./discord-interactions.js";
import { fakeBotConfig } from "./fake-bot-config.js";
import { APP_ID, startFakeDiscord, type FakeDiscord, type RecordedRequest } from "./fake-discord.js";

/**
 * Issue 8.1: an /ingest of a large report must not freeze the bot. The report here takes several seconds to embed
 * (a few hundred sentences on two shared cores); during it, other users' /ask must still be acknowledged within
 * Discord's 3 seconds.
 */

const ISTANBUL = "afghanistan-pakistan-istanbul-talks";
// Discord shows "did not respond" after 3 s without an acknowledgement.
const ACK_LIMIT_MS = 3000;
const SENTENCES = 300;

let fake: FakeDiscord;
let dir: string;
let config: Config;
let engine: Engine;
let stop: StopBot;
let nextUser = 800000000000000000n;
const newUser = (admin = false): interactions.Who => ({ userId: String(++nextUser), admin });
const isCallback = (s: interactions.Sent) => (r: RecordedRequest) => r.path === `/interactions/${s.id}/${s.token}/callback`;
const isOriginalEdit = (s: interactions.Sent) => (r: RecordedRequest) => r.method === "PATCH" && r.path === `/webhooks/${APP_ID}/${s.token}/messages/@original`;

beforeAll(async () => {
  fake = await startFakeDiscord();
  dir = await mkdtemp(path.join(os.tmpdir(), "dossier-ingest-load-"));
  const corpus = path.join(dir, "corpus");
  await mkdir(corpus);
  await copyFile(path.resolve("corpus", `${ISTANBUL}.txt`), path.join(corpus, `${ISTANBUL}.txt`));
  config = fakeBotConfig(dir, fake.apiUrl);
  engine = await createEngine(config, { logger: silentLogger });
  stop = await runBot(config, engine, silentLogger);
}, 60_000);

afterAll(async () => {
  await stop?.();
  await engine?.close();
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("/ask during a large /ingest", () => {
  it("acknowledges every other user's question within 3 s while the ingest runs", async () => {
    const text = `# Dock inspection log\n\n${Array.from({ length: SENTENCES }, (_, i) => `Inspectors counted ${i} crates at dock ${i % 37} on shift ${i % 5}.`).join(" ")}\n`;
    const url = fake.hostFile("dock-log.txt", text);
    const upload = interactions.ingest(newUser(true), { filename: "dock-log.txt", url, size: Buffer.byteLength(text) });
    fake.dispatchInteraction(upload.payload);
    await fake.waitFor(isCallback(upload));

    const acks: number[] = [];
    let ingestDoneDuringAsks = false;
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const sent = interactions.ask(newUser(), "Who mediated the talks?");
      const dispatched = performance.now();
      fake.dispatchInteraction(sent.payload);
      await fake.waitFor(isCallback(sent), 60_000);
      acks.push(performance.now() - dispatched);
      if (fake.requests.some(isOriginalEdit(upload))) ingestDoneDuringAsks = true;
    }
    for (const ms of acks) expect(ms).toBeLessThan(ACK_LIMIT_MS);
    // The asks must overlap the ingest, or this test would prove nothing.
    expect(ingestDoneDuringAsks).toBe(false);

    const reply = await fake.waitFor(isOriginalEdit(upload), 120_000);
    expect(reply.body.content).toMatch(new RegExp(`^Added \\*\\*Dock inspection log\\*\\* \\(\`dock-log\`, ${SENTENCES} sentences\\)`));
    expect(engine.reports().map((r) => r.id)).toContain("dock-log");
  }, 150_000);
});
