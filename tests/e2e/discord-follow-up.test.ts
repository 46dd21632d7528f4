import { readFile } from "node:fs/promises";
import path from "node:path";
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import { type BotHarness, ISTANBUL, isCallback, isLastAnswerPage, startBotHarness } from "./bot-harness.js";
import * as interactions from "./discord-interactions.js";
import type { FakeDiscord, RecordedRequest } from "./fake-discord.js";

/**
 * Conversations through the follow-up button: the real discord.js Client and the real engine (local embeddings,
 * extractive answers) against the fake Discord. Idle time runs on a clock the test moves, so expiry needs no waiting.
 */

const IDLE_MINUTES = 30;

let bot: BotHarness;
let fake: FakeDiscord;
let config: Config;
let send: BotHarness["send"];
let report: string;
// Not 0: lru-cache reads a start time of 0 as "no start time", and such an entry never goes stale.
let clock = 1_000_000;
let nextUser = 800000000000000000n;
const newUser = (): interactions.Who => ({ userId: String(++nextUser) });

const callbackOf = (sent: interactions.Sent) => fake.waitFor(isCallback(sent));
const answerOf = (sent: interactions.Sent) => fake.waitFor(isLastAnswerPage(sent));
const customIds = (message: RecordedRequest): string[] =>
  (message.body.components as Array<{ components: Array<{ custom_id: string }> }>).flatMap((row) => row.components.map((c) => c.custom_id));
const followUpId = (message: RecordedRequest) => customIds(message).find((id) => id.startsWith("fu:"))!;
const embedsOf = (message: RecordedRequest) => message.body.embeds as APIEmbed[];

/** Every quoted line of an answer is a sentence of the report, word for word. */
function expectVerbatimQuotes(message: RecordedRequest): void {
  const quotes = embedsOf(message)
    .flatMap((e) => (e.description ?? "").split("\n"))
    .filter((line) => line.startsWith("> "))
    .map((line) => line.slice(2).replace(/\\(.)/g, "$1"));
  expect(quotes.length).toBeGreaterThan(0);
  for (const quote of quotes) expect(report).toContain(quote);
}

/** Clicks the follow-up button as `who`, types `question` into the modal it opens, and returns the public reply. */
async function followUp(who: interactions.Who, buttonId: string, question: string): Promise<{ modal: RecordedRequest; reply: RecordedRequest; submit: interactions.Sent }> {
  const click = send(interactions.button(who, buttonId));
  const modal = await callbackOf(click);
  expect(modal.body.type).toBe(9);
  const submit = send(interactions.modalSubmit(who, modal.body.data.custom_id, { question }));
  return { modal, reply: await answerOf(submit), submit };
}

beforeAll(async () => {
  ({ fake, config, send } = bot = await startBotHarness({
    name: "follow-up",
    env: { RATE_LIMIT_PER_MINUTE: "3", CONVERSATION_IDLE_MINUTES: String(IDLE_MINUTES) },
    now: () => clock,
  }));
  report = await readFile(path.join(config.corpusDir, `${ISTANBUL}.txt`), "utf8");
}, 60_000);

afterAll(() => bot?.close());

describe("follow-ups through the button", () => {
  it("carries a three-turn conversation, each answer citing verified sentences and offering the next follow-up", async () => {
    const who = newUser();
    const first = send(interactions.ask(who, "Who mediated the talks?"));
    const firstAnswer = await answerOf(first);
    expect(followUpId(firstAnswer)).toBe(`fu:${first.id}`);
    expectVerbatimQuotes(firstAnswer);

    const second = await followUp(who, followUpId(firstAnswer), "How long did they last?");
    // One text input, held to the question length limit.
    const [label] = second.modal.body.data.components;
    expect(label.component).toMatchObject({ type: 4, custom_id: "question", max_length: config.maxQuestionChars, required: true });
    // The follow-up's answer is a public reply to the modal submit, mentions off, read in the light of the first turn.
    expect((await callbackOf(second.submit)).body).toMatchObject({ type: 5 });
    expect(second.reply.body.allowed_mentions).toEqual({ parse: [] });
    const [embed] = embedsOf(second.reply);
    expect(embed?.title).toBe("How long did they last?");
    expect(embed?.description).toContain("after four days of negotiations");
    expect(embedsOf(second.reply).at(-1)?.footer?.text).toMatch(/^Read as: How long did the talks last\?/);
    expectVerbatimQuotes(second.reply);
    expect(customIds(second.reply)).toEqual([`fu:${first.id}`, `ctx:${second.submit.id}`, `fb:up:${second.submit.id}`, `fb:down:${second.submit.id}`]);

    const third = await followUp(who, followUpId(second.reply), "Where were they held?");
    expect(embedsOf(third.reply)[0]?.description).toContain("collapsed in Istanbul");
    expect(embedsOf(third.reply).at(-1)?.footer?.text).toMatch(/^Read as: Where were the talks held\?/);
    expectVerbatimQuotes(third.reply);
    expect(followUpId(third.reply)).toBe(`fu:${first.id}`);
  });

  it("lets only the asker continue a conversation, unless it was asked with shared:true", async () => {
    const owner = newUser();
    const other = newUser();
    const mine = await answerOf(send(interactions.ask(owner, "Who mediated the talks?")));
    const refused = await callbackOf(send(interactions.button(other, followUpId(mine))));
    expect(refused.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/^Only the person who asked can continue/) } });

    const shared = await answerOf(send(interactions.ask(owner, "Who mediated the talks?", undefined, true)));
    const { reply } = await followUp(other, followUpId(shared), "How long did they last?");
    expect(embedsOf(reply)[0]?.description).toContain("after four days of negotiations");
  });

  it("says a conversation idle too long has expired and answers the follow-up on its own", async () => {
    const who = newUser();
    const answer = await answerOf(send(interactions.ask(who, "Who mediated the talks?")));
    clock += (IDLE_MINUTES + 1) * 60_000;
    const { reply, submit } = await followUp(who, followUpId(answer), "How long did they last?");
    expect(reply.body.content).toBe(
      `That conversation has expired (nothing was asked in it for ${IDLE_MINUTES} minutes, or the bot restarted), so this question was answered on its own.`,
    );
    expect(embedsOf(reply).at(-1)?.footer?.text).not.toContain("Read as");
    expect(JSON.stringify(embedsOf(reply))).not.toContain("after four days of negotiations");
    // The answer starts a new conversation, which its own button continues.
    expect(followUpId(reply)).toBe(`fu:${submit.id}`);
    const next = await followUp(who, followUpId(reply), "Who walked out of the discussions?");
    expect(next.reply.body.content).toBe("");
  });

  it("counts a follow-up against the same per-user rate limit as /ask", async () => {
    const who = newUser();
    const answer = await answerOf(send(interactions.ask(who, "Who mediated the talks?")));
    await followUp(who, followUpId(answer), "How long did they last?");
    await followUp(who, followUpId(answer), "Where were they held?");
    const click = send(interactions.button(who, followUpId(answer)));
    const modal = await callbackOf(click);
    const submit = send(interactions.modalSubmit(who, modal.body.data.custom_id, { question: "Who walked out?" }));
    const refused = await callbackOf(submit);
    expect(refused.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/^You're asking faster than 3 questions a minute/) } });
  });
});
