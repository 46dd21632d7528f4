import { createHash, createHmac } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { GatewayIntentBits, type APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import { EMBED_LIMITS, embedSize } from "../../src/discord/embed-pages.js";
import { DISPLAY_LIMITS } from "../../src/display/limits.js";
import type { Answer } from "../../src/answer/answer.js";
import { createAddReport } from "../../src/engine/add-report.js";
import { draftStream } from "../../src/engine/draft-stream.js";
import { describeRegistration, registerCommands } from "../../src/discord/register-commands.js";
import type { Engine } from "../../src/engine-types.js";
import { DossierError } from "../../src/errors.js";
import { pino } from "pino";
import { type BotHarness, ISTANBUL, isCallback, isLastAnswerPage, isOriginalEdit, onToken, startBotHarness } from "./bot-harness.js";
import * as interactions from "./discord-interactions.js";
import { APP_ID, type FakeDiscord, type RecordedRequest } from "./fake-discord.js";

/**
 * The real discord.js Client and the real engine (local embeddings, extractive answers) against a fake Discord on
 * 127.0.0.1. One fake, one engine and one bot serve the whole file; each test uses its own user ids so the per-user
 * rate limit (3 a minute here) only bites where a test means it to.
 */

const MEDIATED =
  "The talks, mediated by Turkish and Qatari officials, aimed to stabilise deteriorating relations following a series of recent border incidents.";
const EVERYONE_SENTENCE = "The mayor wrote @everyone must leave the riverside district before noon on Sunday.";
/** Three long sentences, each well under a 4,096-character description but together over one message's 6,000. */
const CRANE_SENTENCES = ["caused by", "worsened by", "made possible by"].map(
  (cause) =>
    `The harbour inquiry found that the crane collapse was ${cause} ${Array.from(
      { length: 45 },
      (_, i) => `a corroded bolt numbered ${i + 1} on the northern gantry`,
    ).join(", ")}.`,
);

let bot: BotHarness;
let fake: FakeDiscord;
let config: Config;
let engine: Engine;
let send: BotHarness["send"];
const logLines: string[] = [];
/** Holds every ask() until released, so a test can fill the in-flight slot deterministically. */
let askGate: Promise<void> = Promise.resolve();
/** When set, the next ask() streams these pieces as drafts, as a chat model would, before answering. */
let streamNext: string[] | undefined;
/**
 * What the next streaming ask() waits for after each piece: 10 ms unless a test holds the stream. The bot edits at
 * most once a second (tests/unit/discord/stream-edits.test.ts checks the interval), so here the first piece is shown
 * and the rest are folded into the final answer.
 */
let streamPause: (() => Promise<void>) | undefined;
/** When set, the next ask() returns this answer instead of the engine's (for shapes no small report yields). */
let answerNext: Answer | undefined;
/** Makes the next engine.ingest() fail as a broken index write would. */
let failNextIngest = false;
let nextUser = 700000000000000000n;
const newUser = (admin = false): interactions.Who => ({ userId: String(++nextUser), admin });

/** Sends /ask and resolves with every message of the answer, in order, once the last one (with buttons) is sent. */
async function askAndCollect(sent: interactions.Sent): Promise<RecordedRequest[]> {
  send(sent);
  await fake.waitFor(isLastAnswerPage(sent));
  return fake.requests.filter((r) => onToken(sent)(r) && r.body?.embeds !== undefined);
}

const descriptions = (messages: RecordedRequest[]) =>
  messages.flatMap((m) => (m.body.embeds as APIEmbed[]).map((e) => e.description ?? "")).join("\n");

beforeAll(async () => {
  bot = await startBotHarness({
    name: "discord",
    reports: {
      "riverside-alert.md": `# Riverside evacuation alert\n\nFlood water rose quickly in the riverside district overnight. ${EVERYONE_SENTENCE} Shelters opened in the town hall and the school.\n`,
      "harbour-inquiry.md": `# Harbour inquiry findings\n\nThe inquiry sat for six weeks at the port authority. ${CRANE_SENTENCES.join(" ")} The port will replace every gantry by next year.\n`,
    },
    env: { RATE_LIMIT_PER_MINUTE: "3", MAX_IN_FLIGHT: "1" },
    ingestInProcess: true,
    logger: pino({ level: "info" }, { write: (line: string) => void logLines.push(line) }),
    wrap: (engine, config) => ({
      ...engine,
      ask: async (question, options) => {
        await askGate;
        const pieces = streamNext;
        const pause = streamPause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 10)));
        streamNext = undefined;
        streamPause = undefined;
        let soFar = "";
        const stream = draftStream(options?.onDraft);
        for (const piece of pieces ?? []) {
          stream?.((soFar += piece));
          await pause();
        }
        const crafted = answerNext;
        answerNext = undefined;
        return crafted ?? engine.ask(question, options);
      },
      // The real add-report use case, over an ingest that fails once when a test asks it to.
      addReport: createAddReport(config, async (paths, options) => {
        if (failNextIngest) {
          failNextIngest = false;
          throw new DossierError("INGEST_FAILED", "The index could not be written; nothing was changed.");
        }
        return engine.ingest(paths, options);
      }),
    }),
  });
  ({ fake, config, engine, send } = bot);
}, 60_000);

afterAll(() => bot?.close());

describe("logging in", () => {
  it("logs in with the Guilds intent only, logs one ready line, and never logs the token", async () => {
    const gateway = fake.requests.find((r) => r.path === "/gateway/bot");
    expect(gateway?.authorization).toBe("Bot fake-token");
    expect(fake.identified()).toMatchObject({ token: "fake-token", intents: GatewayIntentBits.Guilds });
    const ready = logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === "Dossier bot ready");
    expect(ready).toHaveLength(1);
    expect(ready[0]).toMatchObject({ user: "Dossier", reports: 3, rateLimitPerMinute: 3, maxInFlight: 1 });
    expect(logLines.join("\n")).not.toContain("fake-token");
  });
});

describe("/ask", () => {
  it("defers at once, then edits in the answer quoting the cited sentence, with mentions disabled", async () => {
    const sent = interactions.ask(newUser(), "Who mediated the talks?");
    const messages = await askAndCollect(sent);

    const callback = await fake.waitFor(isCallback(sent));
    expect(callback.body).toMatchObject({ type: 5 });
    expect(fake.requests.indexOf(callback)).toBeLessThan(fake.requests.indexOf(messages[0]!));

    expect(messages).toHaveLength(1);
    const edit = messages[0]!;
    expect(isOriginalEdit(sent)(edit)).toBe(true);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    const [embed] = edit.body.embeds as APIEmbed[];
    expect(embed?.title).toBe("Who mediated the talks?");
    expect(embed?.description).toContain(`> ${MEDIATED}`);
    expect(embed?.description).toMatch(/\[1\]/);
    expect(embed?.description).toContain(`\`${ISTANBUL}\``);
    expect(embed?.footer?.text).toMatch(/^Extractive answer · \d+\.\d s$/);

    const customIds = (edit.body.components as Array<{ components: Array<{ custom_id: string }> }>).flatMap((row) =>
      row.components.map((c) => c.custom_id),
    );
    expect(customIds).toEqual([`fu:${sent.id}`, `ctx:${sent.id}`, `fb:up:${sent.id}`, `fb:down:${sent.id}`]);
    for (const id of customIds) expect(id.length).toBeLessThanOrEqual(100);
  });

  it("shows a streamed answer as it is written, fewer edits than pieces, then the final answer", async () => {
    const pieces = ["The talks [S1] ", "were mediated ", "by Turkish ", "and Qatari ", "officials ", "@everyone [S1]."];
    streamNext = pieces;
    const sent = interactions.ask(newUser(), "Who mediated the talks?");
    const [final] = await askAndCollect(sent);
    const streamed = fake.requests.filter((r) => isOriginalEdit(sent)(r) && typeof r.body?.content === "string" && r.body.content.startsWith("✍️"));
    expect(streamed.length).toBeGreaterThanOrEqual(1);
    expect(streamed.length).toBeLessThan(pieces.length);
    for (const edit of streamed) {
      expect(edit.body.allowed_mentions).toEqual({ parse: [] });
      // Unverified while it streams: labelled so, with no source markers that could pass for citations.
      expect(edit.body.content).toMatch(/^✍️ Drafting an answer \(citations are checked when it's done\)…\nThe talks/);
      expect(edit.body.content).not.toMatch(/\[S\d/);
    }
    expect(fake.requests.indexOf(streamed.at(-1)!)).toBeLessThan(fake.requests.indexOf(final!));
    expect((final!.body.embeds as APIEmbed[])[0]?.description).toContain(`> ${MEDIATED}`);
  });

  it("quotes a report containing @everyone without pinging anyone", async () => {
    const sent = interactions.ask(newUser(), "What did the mayor write about leaving the riverside district? @everyone");
    const messages = await askAndCollect(sent);
    expect(descriptions(messages)).toContain(EVERYONE_SENTENCE);
    for (const request of fake.requests.filter(onToken(sent))) {
      if (request.method !== "DELETE") expect(request.body.allowed_mentions).toEqual({ parse: [] });
    }
  });

  it("cuts each long cited sentence with an ellipsis, keeps the answer within Discord's limits, and shows it whole in context", async () => {
    const user = newUser();
    const sent = interactions.ask(user, "What was the harbour crane collapse caused by?");
    const messages = await askAndCollect(sent);
    expect(messages.length).toBeLessThanOrEqual(DISPLAY_LIMITS.messages);
    expect(isOriginalEdit(sent)(messages[0]!)).toBe(true);
    for (const message of messages) {
      const embeds = message.body.embeds as APIEmbed[];
      expect(embeds.length).toBeLessThanOrEqual(10);
      expect(embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(EMBED_LIMITS.total);
      for (const embed of embeds) expect(embed.description!.length).toBeLessThanOrEqual(EMBED_LIMITS.description);
      expect(message.body.allowed_mentions).toEqual({ parse: [] });
    }
    const quotes = descriptions(messages).split("\n").filter((l) => l.startsWith("> The harbour inquiry found"));
    expect(quotes.length).toBeGreaterThan(0);
    for (const line of quotes) {
      expect(line.endsWith("…")).toBe(true);
      expect(line.length).toBeLessThanOrEqual(DISPLAY_LIMITS.quoteChars + 2);
    }
    const context = send(interactions.button(user, `ctx:${sent.id}`));
    const shown = ((await fake.waitFor(isCallback(context))).body.data.embeds as APIEmbed[]).map((e) => e.description).join("\n");
    expect(CRANE_SENTENCES.some((sentence) => shown.includes(`**${sentence}**`))).toBe(true);
  });

  it("quotes a 100 KB cited sentence in one message, cut with an ellipsis, and keeps acknowledging others", async () => {
    const giant = `${"The harbour inquiry heard that the gantry *failed* again, ".repeat(1800)}end.`;
    expect(giant.length).toBeGreaterThan(100_000);
    const question = "What did the harbour inquiry hear?";
    answerNext = {
      question,
      text: giant,
      abstained: false,
      citations: [{ n: 1, reportId: "harbour-inquiry", title: "Harbour inquiry findings", sentenceId: "harbour-inquiry#9", text: giant, start: 0, end: giant.length, source: { kind: "text" } }],
      related: [],
      mode: "extractive",
      timings: { embedMs: 1, retrieveMs: 1, answerMs: 1, totalMs: 3 },
    };
    const sent = interactions.ask(newUser(), question);
    const messages = await askAndCollect(sent);
    const other = send(interactions.ask(newUser(), "Who mediated the talks?"));
    expect((await fake.waitFor(isCallback(other))).body.type).toBe(5);
    expect(messages).toHaveLength(1);
    const quote = descriptions(messages).split("\n").find((l) => l.startsWith("> The harbour inquiry heard"))!;
    expect(quote.endsWith("…")).toBe(true);
    expect(quote.length).toBeLessThan(DISPLAY_LIMITS.quoteChars * 2);
    await fake.waitFor(isLastAnswerPage(other));
  });

  it("shows a 217 KB streamed reply as a bounded draft and keeps acknowledging others meanwhile", async () => {
    const piece = `${"The talks [S1] went on and on, see [Verify your account here](https://evil.example/phish). ".repeat(800)}\n`;
    streamNext = Array.from({ length: 3 }, () => piece);
    expect(streamNext.join("").length).toBeGreaterThan(217_000);
    // The stream is held after each piece until another user's question has been acknowledged.
    let acknowledged!: () => void;
    const otherAcknowledged = new Promise<void>((resolve) => (acknowledged = resolve));
    streamPause = () => otherAcknowledged;
    const sent = interactions.ask(newUser(), "Who mediated the talks?");
    send(sent);
    const firstDraft = await fake.waitFor((r) => isOriginalEdit(sent)(r) && String(r.body?.content).startsWith("✍️"));
    const other = send(interactions.ask(newUser(), "Who mediated the talks?"));
    const otherAck = await fake.waitFor(isCallback(other));
    acknowledged();
    const final = await fake.waitFor(isLastAnswerPage(sent));
    expect(otherAck.body.type).toBe(5);
    expect(fake.requests.indexOf(otherAck)).toBeLessThan(fake.requests.indexOf(final));
    const drafts = fake.requests.filter((r) => isOriginalEdit(sent)(r) && String(r.body?.content).startsWith("✍️"));
    expect(drafts[0]).toBe(firstDraft);
    for (const draft of drafts) {
      expect(draft.body.content.length).toBeLessThanOrEqual(2000);
      expect(draft.body.content).not.toMatch(/https:\/\/evil|\]\(h/);
    }
    const messages = fake.requests.filter((r) => onToken(sent)(r) && r.body?.embeds !== undefined);
    expect(messages.length).toBeLessThanOrEqual(DISPLAY_LIMITS.messages);
    await fake.waitFor(isLastAnswerPage(other));
  });

  it("says plainly when the reports do not hold the answer", async () => {
    const messages = await askAndCollect(interactions.ask(newUser(), "Who won the 1998 football World Cup final?"));
    expect(messages).toHaveLength(1);
    const [embed] = messages[0]!.body.embeds as APIEmbed[];
    expect(embed?.description).toBe("I couldn't find that in the reports.");
    const customIds = (messages[0]!.body.components as Array<{ components: Array<{ custom_id: string }> }>)[0]!.components.map((c) => c.custom_id);
    expect(customIds.some((id) => id.startsWith("ctx:"))).toBe(false);
  });

  it("answers only from the chosen report", async () => {
    const messages = await askAndCollect(
      interactions.ask(newUser(), "Who mediated the talks?", "riverside-alert"),
    );
    expect(descriptions(messages)).not.toContain(MEDIATED);
  });

  it("shows an unknown report as a short private error, removing the public placeholder", async () => {
    const sent = send(interactions.ask(newUser(), "Who mediated the talks?", "no-such-report"));
    const followUp = await fake.waitFor((r) => onToken(sent)(r) && r.method === "POST");
    expect(followUp.body.flags).toBe(64);
    expect(followUp.body.content).toMatch(/^Unknown report no-such-report/);
    expect(followUp.body.allowed_mentions).toEqual({ parse: [] });
    expect(fake.requests.some((r) => onToken(sent)(r) && r.method === "DELETE")).toBe(true);
  });

  it("keeps an error quoting a 3,000-character report id within one message's 2,000 characters", async () => {
    const sent = send(interactions.ask(newUser(), "Who mediated the talks?", "x".repeat(3000)));
    const followUp = await fake.waitFor((r) => onToken(sent)(r) && r.method === "POST");
    expect(followUp.body.content).toMatch(/^Unknown report x+…$/);
    expect(followUp.body.content.length).toBeLessThanOrEqual(2000);
  });

  it("refuses kindly, in private, once a user passes the per-minute limit", async () => {
    const user = newUser();
    for (let i = 0; i < 3; i++) await askAndCollect(interactions.ask(user, `Who mediated the talks, take ${i}?`));
    const sent = send(interactions.ask(user, "And once more?"));
    const callback = await fake.waitFor(isCallback(sent));
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(64);
    expect(callback.body.data.content).toMatch(/faster than 3 questions a minute; try again in \d+ s/);
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("answers everyone in turn when more questions arrive than may run at once", async () => {
    let release!: () => void;
    askGate = new Promise((resolve) => (release = resolve));
    const sent = Array.from({ length: 4 }, () => interactions.ask(newUser(), "Who mediated the talks?"));
    for (const s of sent) send(s);
    const isQueuedNotice = (r: RecordedRequest) => /^⏳ Busy right now; your question is queued \(\d+ waiting\)/.test(r.body?.content);
    const queued = () => sent.filter((s) => fake.requests.some((r) => isOriginalEdit(s)(r) && isQueuedNotice(r))).length;
    // One question takes the only slot; the other three are told they wait, whichever order the defers landed in.
    await fake.waitFor(() => queued() === 3);
    release();
    askGate = Promise.resolve();
    const answers = await Promise.all(sent.map((s) => fake.waitFor(isLastAnswerPage(s))));
    for (const answer of answers) expect(descriptions([answer])).toContain(MEDIATED);
    for (const s of sent) expect(fake.requests.filter(isOriginalEdit(s)).at(-1)?.body.embeds).toHaveLength(1);
  });

  it("waits out a 429 from Discord and then delivers the answer", async () => {
    const sent = interactions.ask(newUser(), "Who mediated the talks?");
    fake.failOnce(
      isOriginalEdit(sent),
      429,
      { message: "You are being rate limited.", retry_after: 0.2, global: false },
      { "retry-after": "0.2", "x-ratelimit-scope": "user" },
    );
    const started = Date.now();
    const messages = await askAndCollect(sent);
    expect(fake.requests.filter(isOriginalEdit(sent)).map((r) => r.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(descriptions(messages)).toContain(MEDIATED);
  });
});

describe("report autocomplete", () => {
  it("offers matching reports by id or title, at most 25", async () => {
    const sent = send(interactions.autocompleteReport(newUser(), "istanbul"));
    const callback = await fake.waitFor(isCallback(sent));
    expect(callback.body.type).toBe(8);
    expect(callback.body.data.choices).toEqual([{ name: `Afghanistan Pakistan Istanbul Talks (${ISTANBUL})`, value: ISTANBUL }]);

    const all = send(interactions.autocompleteReport(newUser(), ""));
    const choices = (await fake.waitFor(isCallback(all))).body.data.choices as Array<{ value: string }>;
    expect(choices.map((c) => c.value).sort()).toEqual(["afghanistan-pakistan-istanbul-talks", "harbour-inquiry", "riverside-alert"]);
  });
});

describe("/reports", () => {
  it("lists each report with its id, title, sentence count and when it was ingested", async () => {
    const sent = send(interactions.slashCommand("reports", newUser()));
    const callback = await fake.waitFor(isCallback(sent));
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(64);
    const text = (callback.body.data.embeds as APIEmbed[]).map((e) => e.description).join("\n");
    expect(text).toMatch(/\*\*Harbour inquiry findings\*\*\n`harbour-inquiry` · \d+ sentences · ingested <t:\d+:R>/);
    expect(text).toContain("`riverside-alert`");
    expect(text).toContain(`\`${ISTANBUL}\``);
  });

  it("narrows the list to the reports whose title or id holds match:, and says when none does", async () => {
    // A few messages hold about a hundred reports, and a larger archive's others could not be listed at all.
    const sent = send(interactions.slashCommand("reports", newUser(), [{ name: "match", type: 3, value: " HARBOUR inq" }]));
    const callback = await fake.waitFor(isCallback(sent));
    const embeds = callback.body.data.embeds as APIEmbed[];
    expect(embeds[0]?.title).toMatch(/^1 of \d+ reports$/);
    const text = embeds.map((e) => e.description).join("\n");
    expect(text).toContain("`harbour-inquiry`");
    expect(text).not.toContain("`riverside-alert`");
    const none = send(interactions.slashCommand("reports", newUser(), [{ name: "match", type: 3, value: "lighthouse" }]));
    expect((await fake.waitFor(isCallback(none))).body.data).toMatchObject({ flags: 64, content: expect.stringMatching(/^No report's title or id contains `lighthouse` \(\d+ reports in all\)\.$/) });
  });
});

describe("buttons", () => {
  it("shows each cited sentence in context, privately", async () => {
    const user = newUser();
    const asked = interactions.ask(user, "Who mediated the talks?");
    await askAndCollect(asked);
    const sent = send(interactions.button(user, `ctx:${asked.id}`));
    const callback = await fake.waitFor(isCallback(sent));
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(64);
    const text = (callback.body.data.embeds as APIEmbed[]).map((e) => e.description).join("\n");
    expect(text).toContain(`**${MEDIATED}**`);
    expect(text).toContain("Diplomatic efforts to ease tensions between Afghanistan and Pakistan collapsed in Istanbul");
    expect(text).toContain("According to sources cited by Tolo News");
  });

  it("keeps 👍/👎 feedback as one JSON line per user and answer, the last vote counting, with a keyed hash of the user id", async () => {
    const user = newUser();
    const asked = interactions.ask(user, "Who mediated the talks?");
    await askAndCollect(asked);
    const up = send(interactions.button(user, `fb:up:${asked.id}`));
    const callback = await fake.waitFor(isCallback(up));
    expect(callback.body.data).toMatchObject({ flags: 64, content: "Thanks, your 👍 was recorded." });
    const down = send(interactions.button(user, `fb:down:${asked.id}`));
    expect((await fake.waitFor(isCallback(down))).body.data.content).toBe("Changed your vote to 👎.");

    const lines = (await readFile(config.feedbackFile, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    // Keyed with the install's secret, kept beside the log: a plain hash of the public id finds nothing.
    const secret = (await readFile(path.join(config.dataDir, "feedback-secret"), "utf8")).trim();
    const mine = lines.filter((l) => l.userIdHash === createHmac("sha256", secret).update(user.userId).digest("hex"));
    expect(lines.filter((l) => l.userIdHash === createHash("sha256").update(user.userId).digest("hex"))).toEqual([]);
    expect(mine.map((l) => l.vote)).toEqual(["down"]);
    expect(mine[0].answerId).toBe(asked.id);
    expect(mine[0].question).toBe("Who mediated the talks?");
    expect(mine[0].citations).toContainEqual(expect.objectContaining({ reportId: ISTANBUL, text: MEDIATED }));
    expect(mine[0].answer).toContain("[1]");
    expect(Date.parse(mine[0].time)).not.toBeNaN();
    expect(JSON.stringify(lines)).not.toContain(user.userId);
  });

  it("stores one vote for 300 clicks by one user, and refuses the burst privately", async () => {
    const user = newUser();
    const asked = interactions.ask(user, "Who mediated the talks?");
    await askAndCollect(asked);
    const clicks = Array.from({ length: 300 }, (_, i) => send(interactions.button(user, `fb:${i % 2 === 0 ? "up" : "down"}:${asked.id}`)));
    const replies = await Promise.all(clicks.map((c) => fake.waitFor(isCallback(c))));
    const refused = replies.filter((r) => /a lot of votes at once; try again in \d+ s/.test(r.body.data.content));
    expect(refused.length).toBeGreaterThanOrEqual(280);
    for (const reply of replies) expect(reply.body.data.flags).toBe(64);

    const lines = (await readFile(config.feedbackFile, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.answerId === asked.id)).toHaveLength(1);
  });

  it("says an answer is too old when it is no longer remembered", async () => {
    const sent = send(interactions.button(newUser(), "fb:up:123456789012345678"));
    const callback = await fake.waitFor(isCallback(sent));
    expect(callback.body.data.flags).toBe(64);
    expect(callback.body.data.content).toMatch(/too old/);
  });
});

describe("/ingest", () => {
  const FLOOD = "Millbrook council confirmed that 312 homes were evacuated after the river burst its banks.";

  it("lets an admin add a report that is answerable at once", async () => {
    const text = `# Millbrook flood\n\nHeavy rain fell for three days. ${FLOOD} The bridge will reopen in spring.\n`;
    const url = fake.hostFile("Millbrook Flood.txt", text);
    const admin = newUser(true);
    const sent = send(interactions.ingest(admin, { filename: "Millbrook Flood.txt", url, size: Buffer.byteLength(text) }));
    const callback = await fake.waitFor(isCallback(sent));
    expect(callback.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const reply = await fake.waitFor(isOriginalEdit(sent), 20_000);
    expect(reply.body.content).toBe(
      "Added **Millbrook flood** (`millbrook-flood`, 3 sentences). Ask about it with `/ask`, optionally with `report:millbrook-flood`.",
    );
    expect(await readFile(path.join(config.corpusDir, "millbrook-flood.txt"), "utf8")).toBe(text);

    const messages = await askAndCollect(interactions.ask(newUser(), "How many homes were evacuated in Millbrook?"));
    expect(descriptions(messages)).toContain(`> ${FLOOD}`);
  });

  it("updates a report uploaded again under the same name, and restores it when an update fails", async () => {
    const admin = newUser(true);
    const upload = (text: string) => {
      const url = fake.hostFile("millbrook-flood.txt", text);
      return send(interactions.ingest(admin, { filename: "millbrook-flood.txt", url, size: Buffer.byteLength(text) }));
    };
    const file = path.join(config.corpusDir, "millbrook-flood.txt");
    const updated = `# Millbrook flood\n\n${FLOOD} The bridge reopened early, a week before the date the council had given.\n`;
    const reply = await fake.waitFor(isOriginalEdit(upload(updated)), 20_000);
    expect(reply.body.content).toMatch(/^Updated \*\*Millbrook flood\*\* \(`millbrook-flood`, 2 sentences\)/);

    failNextIngest = true;
    const failed = await fake.waitFor(isOriginalEdit(upload("# Millbrook flood\n\nA version that never lands.\n")), 20_000);
    expect(failed.body.content).toBe("The index could not be written; nothing was changed.");
    expect(await readFile(file, "utf8")).toBe(updated);
  });

  it("removes a new report's file when its ingest fails", async () => {
    failNextIngest = true;
    const text = "# Doomed\n\nThis report will fail to ingest.\n";
    const url = fake.hostFile("doomed.txt", text);
    const sent = send(interactions.ingest(newUser(true), { filename: "doomed.txt", url, size: text.length }));
    const reply = await fake.waitFor(isOriginalEdit(sent), 20_000);
    expect(reply.body.content).toBe("The index could not be written; nothing was changed.");
    expect(await readdir(config.corpusDir)).not.toContain("doomed.txt");
    expect(engine.reports().map((r) => r.id)).not.toContain("doomed");
  });

  it("refuses a member without Manage Server, privately, and saves nothing", async () => {
    const url = fake.hostFile("sneaky.txt", "A sneaky report that should never be ingested at all.");
    const sent = send(interactions.ingest(newUser(false), { filename: "sneaky.txt", url, size: 54 }));
    const callback = await fake.waitFor(isCallback(sent));
    expect(callback.body.type).toBe(4);
    expect(callback.body.data).toMatchObject({ flags: 64, content: "Only members with the Manage Server permission can do that." });
    expect(await readdir(config.corpusDir)).not.toContain("sneaky.txt");
  });

  it("rejects a file that is not a report and leaves the corpus unchanged", async () => {
    const before = await readdir(config.corpusDir);
    const exe = send(interactions.ingest(newUser(true), { filename: "setup.exe", url: fake.hostFile("setup.exe", "MZ"), size: 2 }));
    const exeReply = await fake.waitFor(isCallback(exe));
    expect(exeReply.body.data).toMatchObject({ flags: 64, content: expect.stringMatching(/^"setup\.exe" is not a report Dossier can read \(\.txt, \.md, \.markdown, \.pdf/) });

    const pdf = send(interactions.ingest(newUser(true), { filename: "scan.pdf", url: fake.hostFile("scan.pdf", "%PDF"), size: 4 }));
    expect((await fake.waitFor(isOriginalEdit(pdf), 20_000)).body.content).toMatch(/^scan\.pdf: not a PDF file/);

    const bytes = new Uint8Array([0x68, 0x69, 0x00, 0x01, 0x02]);
    const binary = send(interactions.ingest(newUser(true), { filename: "blob.txt", url: fake.hostFile("blob.txt", bytes), size: 5 }));
    const binaryReply = await fake.waitFor(isOriginalEdit(binary), 20_000);
    expect(binaryReply.body.content).toMatch(/binary/);

    const big = send(interactions.ingest(newUser(true), { filename: "big.txt", url: fake.hostFile("big.txt", "x"), size: config.maxReportBytes + 1 }));
    expect((await fake.waitFor(isCallback(big))).body.data.content).toMatch(/the limit is/);

    expect(await readdir(config.corpusDir)).toEqual(before);
  });

  it("refuses a file that would shadow an existing report under another extension", async () => {
    const text = "# Riverside again\n\nA different riverside report entirely, with one sentence.\n";
    const url = fake.hostFile("riverside-alert.txt", text);
    const sent = send(interactions.ingest(newUser(true), { filename: "riverside-alert.txt", url, size: text.length }));
    const reply = await fake.waitFor(isOriginalEdit(sent), 20_000);
    expect(reply.body.content).toMatch(/already exists as riverside-alert\.md/);
    expect(await readdir(config.corpusDir)).not.toContain("riverside-alert.txt");
  });
});

describe("registering commands", () => {
  it("PUTs all four commands to the guild, with /ingest and /remove for Manage Server in guilds only", async () => {
    const registration = await registerCommands(config);
    expect(registration).toEqual({ count: 4, scope: "guild" });
    expect(describeRegistration(registration, config)).toBe(`Registered 4 slash commands to guild ${interactions.GUILD_ID} (available now).`);
    const put = fake.requests.findLast((r) => r.method === "PUT")!;
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/${interactions.GUILD_ID}/commands`);
    expect(put.authorization).toBe("Bot fake-token");
    const byName = Object.fromEntries((put.body as Array<{ name: string }>).map((c) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(["ask", "ingest", "remove", "reports"]);
    expect(byName.ingest).toMatchObject({ default_member_permissions: "32", contexts: [0], options: [{ name: "report" }, { name: "url" }] });
    expect(byName.remove).toMatchObject({ default_member_permissions: "32", contexts: [0], options: [{ name: "report", required: true, autocomplete: true }] });
    expect(byName.ask).toMatchObject({ options: [{ name: "question", required: true, max_length: config.maxQuestionChars }, { name: "report", autocomplete: true }, { name: "shared", type: 5 }] });
  });

  it("gives the question option the configured length limit, so Discord stops a longer question as it is typed", async () => {
    await registerCommands({ ...config, maxQuestionChars: 120 });
    const ask = (fake.requests.findLast((r) => r.method === "PUT")!.body as Array<{ name: string; options: Array<{ name: string; max_length?: number }> }>).find((c) => c.name === "ask")!;
    expect(ask.options.find((o) => o.name === "question")?.max_length).toBe(120);
    expect(ask.options.find((o) => o.name === "report")?.max_length).toBeUndefined();
  });

  it("explains a rejected token in one line", async () => {
    fake.failOnce((r) => r.method === "PUT" && r.authorization === "Bot bad", 401, { message: "401: Unauthorized", code: 0 });
    const bad = { ...config, discord: { ...config.discord, token: "bad" } };
    await expect(registerCommands(bad)).rejects.toThrow(/^Discord rejected DISCORD_TOKEN \(401 Unauthorized\): copy the bot token again$/);
  });

  it("registers globally when no guild is configured", async () => {
    await expect(registerCommands({ ...config, discord: { ...config.discord, guildId: undefined } })).resolves.toEqual({ count: 4, scope: "global" });
    expect(fake.requests.findLast((r) => r.method === "PUT")?.path).toBe(`/applications/${APP_ID}/commands`);
  });
});
