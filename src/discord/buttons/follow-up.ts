import {
  ButtonBuilder,
  ButtonStyle,
  LabelBuilder,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ButtonInteraction,
} from "discord.js";
import { ConversationStore } from "../conversations.js";
import type { BotContext } from "../handler-types.js";
import { replyPrivately } from "../replies.js";
import { customId, customIdParts } from "./custom-id.js";

/** The button and the modal it opens share this prefix: a modal submit is routed among modals, a click among buttons. */
export const prefix = "fu";
/** The modal's one text input. */
export const QUESTION_FIELD = "question";
/** Discord's cap on a text input: a larger MAX_QUESTION_CHARS would make discord.js refuse to build the modal. */
const DISCORD_MAX_LENGTH = 4000;

/** "Ask a follow-up" under an answer of conversation `conversationId`. */
export function followUpButton(conversationId: string): ButtonBuilder {
  return new ButtonBuilder().setCustomId(customId(prefix, conversationId)).setLabel("Ask a follow-up").setStyle(ButtonStyle.Primary);
}

/**
 * Opens the follow-up modal. Someone else's private conversation is refused here, before anything is typed. An
 * expired conversation still opens the modal: the answer then says so and answers the question on its own.
 */
export async function execute(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const [conversationId = ""] = customIdParts(interaction);
  const conversation = ctx.conversations.get(conversationId);
  if (conversation !== undefined && !ConversationStore.mayContinue(conversation, interaction.user.id)) {
    await replyPrivately(interaction, "Only the person who asked can continue this conversation; ask your own question with /ask.");
    return;
  }
  const input = new TextInputBuilder()
    .setCustomId(QUESTION_FIELD)
    .setStyle(TextInputStyle.Paragraph)
    .setRequired(true)
    .setMaxLength(Math.min(ctx.config.maxQuestionChars, DISCORD_MAX_LENGTH))
    .setPlaceholder("How long did they last?");
  await interaction.showModal(
    new ModalBuilder()
      .setCustomId(customId(prefix, conversationId))
      .setTitle("Ask a follow-up")
      .addLabelComponents(new LabelBuilder().setLabel("Your follow-up question").setTextInputComponent(input)),
  );
}
