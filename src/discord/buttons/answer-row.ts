import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from "discord.js";
import type { Answer } from "../../answer/answer.js";
import { prefix as CONTEXT_PREFIX } from "./context.js";
import { prefix as FEEDBACK_PREFIX } from "./feedback.js";

/**
 * The buttons under an answer. Custom ids carry only the /ask interaction id (a ~19-digit snowflake), far under
 * Discord's 100-character cap; the answer itself stays in the bot's recent-answers cache.
 */
export function answerRow(answerKey: string, answer: Answer): ActionRowBuilder<ButtonBuilder> {
  const row = new ActionRowBuilder<ButtonBuilder>();
  if (answer.citations.length > 0) {
    row.addComponents(
      new ButtonBuilder()
        .setCustomId(`${CONTEXT_PREFIX}:${answerKey}`)
        .setLabel("Show context")
        .setStyle(ButtonStyle.Secondary),
    );
  }
  row.addComponents(
    new ButtonBuilder().setCustomId(`${FEEDBACK_PREFIX}:up:${answerKey}`).setEmoji("👍").setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(`${FEEDBACK_PREFIX}:down:${answerKey}`).setEmoji("👎").setStyle(ButtonStyle.Secondary),
  );
  return row;
}
