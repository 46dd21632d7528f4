import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotHarness, isCallback, isOriginalEdit, startBotHarness } from "./bot-harness.js";
import * as interactions from "./discord-interactions.js";

/**
 * Issue 8.1: an /ingest of a large report must not freeze the bot. The report here takes several seconds to embed
 * (a few hundred sentences on two shared cores); during it, other users' /ask must still be acknowledged within
 * Discord's 3 seconds.
 */

// Discord shows "did not respond" after 3 s without an acknowledgement.
const ACK_LIMIT_MS = 3000;
const SENTENCES = 300;

let bot: BotHarness;
let nextUser = 800000000000000000n;
const newUser = (admin = false): interactions.Who => ({ userId: String(++nextUser), admin });

beforeAll(async () => {
  bot = await startBotHarness({ name: "ingest-load" });
}, 60_000);

afterAll(() => bot?.close());

describe("/ask during a large /ingest", () => {
  it("acknowledges every other user's question within 3 s while the ingest runs", async () => {
    const text = `# Dock inspection log\n\n${Array.from({ length: SENTENCES }, (_, i) => `Inspectors counted ${i} crates at dock ${i % 37} on shift ${i % 5}.`).join(" ")}\n`;
    const url = bot.fake.hostFile("dock-log.txt", text);
    const upload = interactions.ingest(newUser(true), { filename: "dock-log.txt", url, size: Buffer.byteLength(text) });
    bot.fake.dispatchInteraction(upload.payload);
    await bot.fake.waitFor(isCallback(upload));

    const acks: number[] = [];
    let ingestDoneDuringAsks = false;
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const sent = interactions.ask(newUser(), "Who mediated the talks?");
      const dispatched = performance.now();
      bot.fake.dispatchInteraction(sent.payload);
      await bot.fake.waitFor(isCallback(sent), 60_000);
      acks.push(performance.now() - dispatched);
      if (bot.fake.requests.some(isOriginalEdit(upload))) ingestDoneDuringAsks = true;
    }
    for (const ms of acks) expect(ms).toBeLessThan(ACK_LIMIT_MS);
    // The asks must overlap the ingest, or this test would prove nothing.
    expect(ingestDoneDuringAsks).toBe(false);

    const reply = await bot.fake.waitFor(isOriginalEdit(upload), 120_000);
    expect(reply.body.content).toMatch(new RegExp(`^Added \\*\\*Dock inspection log\\*\\* \\(\`dock-log\`, ${SENTENCES} sentences\\)`));
    expect(bot.engine.reports().map((r) => r.id)).toContain("dock-log");
  }, 150_000);
});
