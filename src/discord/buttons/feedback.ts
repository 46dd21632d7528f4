import { ButtonBuilder, ButtonStyle, type ButtonInteraction } from "discord.js";
import { feedbackEntry, recordVote, type Vote } from "../feedback-log.js";
import type { BotContext, Precondition } from "../handler-types.js";
import { voteRate } from "../preconditions/rate-limit.js";
import { replyPrivately } from "../replies.js";
import { customId, customIdParts } from "./custom-id.js";
import { recentAnswer } from "./recent-answer.js";

export const prefix = "fb";

const EMOJI: Record<Vote, string> = { up: "👍", down: "👎" };

export const preconditions: readonly Precondition[] = [voteRate];

/** The 👍 and 👎 buttons under the answer cached as `answerKey`. */
export function voteButtons(answerKey: string): ButtonBuilder[] {
  return (["up", "down"] as const).map((vote) =>
    new ButtonBuilder().setCustomId(customId(prefix, vote, answerKey)).setEmoji(EMOJI[vote]).setStyle(ButtonStyle.Secondary),
  );
}

export async function execute(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const [vote, answerKey] = customIdParts(interaction);
  if (vote !== "up" && vote !== "down") throw new Error(`unknown feedback vote "${vote}"`);
  const answer = await recentAnswer(interaction, ctx, answerKey);
  if (answer === undefined || answerKey === undefined) return;
  const outcome = await recordVote(ctx.config.feedbackFile, feedbackEntry(answerKey, answer, vote, interaction.user.id));
  const what = EMOJI[vote];
  await replyPrivately(
    interaction,
    outcome === "unchanged" ? `Your ${what} was already recorded.` : outcome === "changed" ? `Changed your vote to ${what}.` : `Thanks, your ${what} was recorded.`,
  );
}
