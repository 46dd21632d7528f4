import type { ChatInputCommandInteraction, ModalSubmitInteraction } from "discord.js";
import type { Answer } from "../answer/answer.js";
import type { AskOptions } from "../engine-types.js";
import { answerRow } from "./buttons/answer-row.js";
import { formatAnswer } from "./format-answer.js";
import type { BotContext } from "./handler-types.js";
import { NO_MENTIONS, sendPages } from "./replies.js";
import { streamEdits } from "./stream-edits.js";

export interface QuestionRequest {
  question: string;
  options: Pick<AskOptions, "reportIds" | "history">;
  /** The conversation the answer continues (or starts): its follow-up button carries this id. */
  conversationId: string;
  /** A line shown above the answer (an expired conversation says so here). */
  notice?: string;
  /** Records the answer in its conversation; called before the answer (and its follow-up button) is posted. */
  remember: (answer: Answer) => void;
}

/**
 * Answers in public, the same way for /ask and a follow-up: defer, wait in the fair queue (saying so), stream a chat
 * model's draft, then the checked answer with its buttons. Rate limits are the handlers' preconditions.
 */
export async function answerQuestion(
  interaction: ChatInputCommandInteraction | ModalSubmitInteraction,
  ctx: BotContext,
  request: QuestionRequest,
): Promise<void> {
  const started = performance.now();
  await interaction.deferReply();
  const stream = streamEdits(interaction, ctx.logger);
  const answer = await ctx.answerQueue.run(
    interaction.user.id,
    () => ctx.engine.ask(request.question, { ...request.options, onDraft: stream.onDraft }).finally(stream.finish),
    (waiting) => {
      const content = `⏳ Busy right now; your question is queued (${waiting} waiting) and will be answered in turn.`;
      interaction
        .editReply({ content, allowedMentions: NO_MENTIONS })
        .catch((err: unknown) => ctx.logger.warn({ err }, "could not show the queued notice"));
    },
  );
  ctx.recentAnswers.set(interaction.id, answer);
  request.remember(answer);
  const pages = formatAnswer(answer, performance.now() - started);
  await sendPages(interaction, pages, { components: [answerRow(interaction.id, answer, request.conversationId)], content: request.notice });
  ctx.logger.info(
    {
      command: interaction.isChatInputCommand() ? "ask" : "follow-up",
      mode: answer.mode,
      abstained: answer.abstained,
      followUp: answer.standaloneQuestion !== undefined,
      citations: answer.citations.length,
      messages: pages.length,
      ms: Math.round(performance.now() - started),
    },
    "answered",
  );
}
