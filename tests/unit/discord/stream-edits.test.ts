import type { ChatInputCommandInteraction } from "discord.js";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/logger.js";
import { DRAFT_LABEL, draftContent, streamEdits } from "../../../src/discord/stream-edits.js";

function fakeInteraction() {
  const edits: Array<{ content: string; allowedMentions: unknown }> = [];
  const interaction = {
    editReply: async (body: { content: string; allowedMentions: unknown }) => void edits.push(body),
  } as unknown as ChatInputCommandInteraction;
  return { interaction, edits };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("streamEdits", () => {
  it("shows the draft under a label saying it is unchecked, markdown escaped", async () => {
    const { interaction, edits } = fakeInteraction();
    const stream = streamEdits(interaction, silentLogger);
    stream.onDraft("Prices rose *sharply*. Shops shut_early");
    await tick();
    await stream.finish();
    expect(edits).toHaveLength(1);
    expect(edits[0]).toEqual({
      content: `${DRAFT_LABEL}\nPrices rose \\*sharply\\*. Shops shut\\_early`,
      allowedMentions: { parse: [] },
    });
  });

  it("makes no edit after finish, so the verified answer is never overwritten", async () => {
    const { interaction, edits } = fakeInteraction();
    const stream = streamEdits(interaction, silentLogger);
    stream.onDraft("First");
    await stream.finish();
    stream.onDraft("First and more");
    await tick();
    expect(edits).toHaveLength(0);
  });
});

describe("draftContent", () => {
  it("is the label alone until there is text to show, and fits a message", () => {
    expect(draftContent("")).toBe(DRAFT_LABEL);
    const long = draftContent("word ".repeat(1000));
    expect(long.length).toBeLessThanOrEqual(2000);
    expect(long.startsWith(`${DRAFT_LABEL}\nword`)).toBe(true);
  });
});
