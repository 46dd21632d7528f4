import type { ButtonInteraction } from "discord.js";
import type { Answer } from "../../answer/answer.js";
import type { BotContext } from "../handler-types.js";
import { replyPrivately } from "../replies.js";

/**
 * Looks up the answer a button sits under. Answers live in a bounded in-memory cache, so buttons on old messages
 * (or from before a restart) get a plain explanation instead of failing.
 */
export async function recentAnswer(
  interaction: ButtonInteraction,
  ctx: BotContext,
  answerKey: string | undefined,
): Promise<Answer | undefined> {
  const answer = answerKey === undefined ? undefined : ctx.recentAnswers.get(answerKey);
  if (answer === undefined) await replyPrivately(interaction, "This answer is too old for that; ask again with /ask to get a fresh one.");
  return answer;
}
