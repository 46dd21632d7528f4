import type { ButtonInteraction, ModalBuilder } from "discord.js";
import { describe, expect, it } from "vitest";
import { execute } from "../../../src/discord/buttons/follow-up.js";
import type { BotContext } from "../../../src/discord/handler-types.js";

/** Clicks the follow-up button of an unknown conversation with MAX_QUESTION_CHARS set to `max`; returns the modal shown. */
async function modalFor(max: number) {
  let shown: ModalBuilder | undefined;
  const interaction = { customId: "fu:1", user: { id: "1" }, showModal: async (m: ModalBuilder) => void (shown = m) } as unknown as ButtonInteraction;
  const ctx = { config: { maxQuestionChars: max }, conversations: { get: () => undefined } } as unknown as BotContext;
  await execute(interaction, ctx);
  return JSON.stringify(shown!.toJSON());
}

describe("the follow-up box", () => {
  it("holds the question to MAX_QUESTION_CHARS", async () => {
    expect(await modalFor(120)).toContain('"max_length":120');
  });

  it("holds it to Discord's cap of 4,000 characters for a text input when MAX_QUESTION_CHARS is larger, rather than failing to open", async () => {
    expect(await modalFor(5000)).toContain('"max_length":4000');
  });
});
