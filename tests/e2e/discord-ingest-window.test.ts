import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type BotHarness, isOriginalEdit, startBotHarness } from "./bot-harness.js";
import * as interactions from "./discord-interactions.js";

/**
 * An /ingest that outlasts the time Discord takes edits of its reply (15 minutes; here a second, so nothing waits),
 * through the real discord.js Client and engine against the fake Discord. The upload is held until the reply has had
 * to be sent, as a slow page or a queue of uploads would hold it.
 */
const WINDOW_MS = 1000;
const QUAY = "The quay wall was rebuilt with stone from the old mill, which the council bought last year when the milling company closed its doors.";

let bot: BotHarness;
let release!: () => void;
const held = new Promise<void>((resolve) => (release = resolve));
const logLines: string[] = [];

beforeAll(async () => {
  bot = await startBotHarness({
    name: "ingest-window",
    emptyCorpus: true,
    ingestInProcess: true,
    replyWindowMs: WINDOW_MS,
    logger: pino({ level: "info" }, { write: (line: string) => void logLines.push(line) }),
    wrap: (engine) => ({
      ...engine,
      addReport: async (upload) => {
        await held;
        return engine.addReport(upload);
      },
    }),
  });
}, 60_000);

afterAll(() => bot?.close());

describe("an /ingest longer than its reply may wait", () => {
  it("says in time that it goes on without a reply, then lists the report once it is in and logs how it ended", async () => {
    const text = `# Quay wall\n\n${QUAY}\n`;
    const url = bot.fake.hostFile("quay.txt", text);
    const sent = bot.send(interactions.ingest({ userId: "720000000000000001", admin: true }, { filename: "quay.txt", url, size: Buffer.byteLength(text) }));
    const reply = await bot.fake.waitFor(isOriginalEdit(sent), 20_000);
    expect(reply.body.content).toMatch(/^This ingest is taking longer than Discord lets a reply wait, so it goes on without one: `\/reports` lists the report once it is in/);
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
    release();
    await vi.waitFor(() => expect(bot.engine.reports().map((r) => r.id)).toContain("quay"), { timeout: 30_000, interval: 100 });
    await vi.waitFor(() => expect(logLines.some((line) => line.includes('"report":"quay"') && line.includes("ingested after its reply had to be sent"))).toBe(true));
    // The outcome is not sent to a reply Discord no longer takes: the one edit is the notice.
    expect(bot.fake.requests.filter(isOriginalEdit(sent))).toHaveLength(1);
  });
});
