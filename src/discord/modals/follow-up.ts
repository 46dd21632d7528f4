import type { ModalSubmitInteraction } from "discord.js";
import { answerQuestion } from "../answer-question.js";
import { customIdParts } from "../buttons/custom-id.js";
import { prefix, QUESTION_FIELD } from "../buttons/follow-up.js";
import { ConversationStore } from "../conversations.js";
import type { BotContext, Precondition } from "../handler-types.js";
import { questionRate } from "../preconditions/rate-limit.js";
import { replyPrivately } from "../replies.js";

export { prefix };

// A follow-up is a question like any other: the same per-user rate limit, checked before anything public is posted.
export const preconditions: readonly Precondition[] = [questionRate];

/**
 * Answers a follow-up typed into the modal, as a public reply, in the light of the conversation's last turns. On an
 * expired (or forgotten) conversation it says so, answers the question on its own, and starts a new conversation.
 */
export async function execute(interaction: ModalSubmitInteraction, ctx: BotContext): Promise<void> {
  const [conversationId = ""] = customIdParts(interaction);
  const question = interaction.fields.getTextInputValue(QUESTION_FIELD);
  const conversation = ctx.conversations.get(conversationId);
  if (conversation !== undefined && !ConversationStore.mayContinue(conversation, interaction.user.id)) {
    await replyPrivately(interaction, "Only the person who asked can continue this conversation; ask your own question with /ask.");
    return;
  }
  if (conversation === undefined) {
    const minutes = Math.round(ctx.config.conversation.idleMs / 60_000);
    await answerQuestion(interaction, ctx, {
      question,
      options: {},
      conversationId: interaction.id,
      notice: `That conversation has expired (nothing was asked in it for ${minutes} minutes, or the bot restarted), so this question was answered on its own.`,
      remember: (answer) => ctx.conversations.start(interaction.id, interaction.user.id, false, answer),
    });
    return;
  }
  await answerQuestion(interaction, ctx, {
    question,
    options: { history: conversation.turns },
    conversationId,
    // Expired while this answer was being written: the conversation starts again from this answer, under the same id.
    remember: (answer) => ctx.conversations.add(conversationId, answer) || ctx.conversations.start(conversationId, conversation.ownerId, conversation.shared, answer),
  });
}
