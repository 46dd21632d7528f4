import { ActionRowBuilder, type ButtonBuilder } from "discord.js";
import type { Answer } from "../../answer/answer.js";
import { contextButton } from "./context.js";
import { voteButtons } from "./feedback.js";
import { followUpButton } from "./follow-up.js";

/**
 * The buttons under an answer: ask a follow-up, show context, vote. Custom ids carry only an interaction id (a ~19-digit snowflake), far under
 * Discord's 100-character cap; the answer itself stays in the bot's recent-answers cache.
 */
export function answerRow(answerKey: string, answer: Answer, conversationId: string): ActionRowBuilder<ButtonBuilder> {
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(followUpButton(conversationId));
  if (answer.citations.length > 0) row.addComponents(contextButton(answerKey));
  row.addComponents(...voteButtons(answerKey));
  return row;
}
