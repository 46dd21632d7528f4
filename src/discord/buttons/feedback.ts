import { MessageFlags, type ButtonInteraction } from "discord.js";
import { appendFeedback, feedbackEntry, type Vote } from "../feedback-log.js";
import type { BotContext } from "../handler-types.js";
import { NO_MENTIONS } from "../replies.js";
import { recentAnswer } from "./recent-answer.js";

export const prefix = "fb";

export async function execute(interaction: ButtonInteraction, ctx: BotContext, [vote, answerKey]: string[]): Promise<void> {
  if (vote !== "up" && vote !== "down") throw new Error(`unknown feedback vote "${vote}"`);
  const answer = await recentAnswer(interaction, ctx, answerKey);
  if (answer === undefined) return;
  await appendFeedback(ctx.config.feedbackFile, feedbackEntry(answer, vote satisfies Vote, interaction.user.id));
  await interaction.reply({
    content: `Thanks, your ${vote === "up" ? "👍" : "👎"} was recorded.`,
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}
