import type { ChatInputCommandInteraction } from "discord.js";
import { describe, expect, it, vi } from "vitest";
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

  it("edits at most once a second, each time with the latest draft", async () => {
    vi.useFakeTimers();
    try {
      const { interaction, edits } = fakeInteraction();
      const stream = streamEdits(interaction, silentLogger);
      // A draft every 300 ms for 2.4 s: shown at once, then at 1 s and 2 s with what had been written by then.
      let text = "";
      for (let i = 0; i < 8; i++) {
        stream.onDraft((text += `w${i} `));
        await vi.advanceTimersByTimeAsync(300);
      }
      await stream.finish();
      expect(edits.map((e) => e.content.slice(DRAFT_LABEL.length + 1))).toEqual(["w0 ", "w0 w1 w2 w3 ", "w0 w1 w2 w3 w4 w5 w6 "]);
    } finally {
      vi.useRealTimers();
    }
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
