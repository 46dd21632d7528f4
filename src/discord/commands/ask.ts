import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from "discord.js";
import { answerRow } from "../buttons/answer-row.js";
import { truncate } from "../embed-pages.js";
import { formatAnswer } from "../format-answer.js";
import type { BotContext, Precondition } from "../handler-types.js";
import { questionRate } from "../preconditions/rate-limit.js";
import { NO_MENTIONS, sendPages } from "../replies.js";
import { streamEdits } from "../stream-edits.js";

/** Discord's cap on an autocomplete choice's name and value, and on the number of choices. */
const CHOICE_CHARS = 100;
const MAX_CHOICES = 25;

export const data = new SlashCommandBuilder()
  .setName("ask")
  .setDescription("Ask a question about the news reports; the answer quotes the sentences it rests on.")
  .addStringOption((option) => option.setName("question").setDescription("What you want to know").setRequired(true))
  .addStringOption((option) =>
    option.setName("report").setDescription("Only answer from this report").setAutocomplete(true),
  );

// Checked before deferring so a refusal can be a private reply rather than a public "thinking…" message.
export const preconditions: readonly Precondition[] = [questionRate];

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const started = performance.now();
  const question = interaction.options.getString("question", true);
  const reportId = interaction.options.getString("report") ?? undefined;

  await interaction.deferReply();
  const stream = streamEdits(interaction, ctx.logger);
  const answer = await ctx.answerQueue.run(
    interaction.user.id,
    () => ctx.engine.ask(question, { reportIds: reportId === undefined ? undefined : [reportId], onToken: stream.onToken }).finally(stream.finish),
    (waiting) => {
      const content = `⏳ Busy right now; your question is queued (${waiting} waiting) and will be answered in turn.`;
      interaction
        .editReply({ content, allowedMentions: NO_MENTIONS })
        .catch((err: unknown) => ctx.logger.warn({ err }, "could not show the queued notice"));
    },
  );
  ctx.recentAnswers.set(interaction.id, answer);
  const pages = formatAnswer(answer, performance.now() - started);
  await sendPages(interaction, pages, { components: [answerRow(interaction.id, answer)] });
  ctx.logger.info(
    {
      command: "ask",
      mode: answer.mode,
      abstained: answer.abstained,
      citations: answer.citations.length,
      messages: pages.length,
      ms: Math.round(performance.now() - started),
    },
    "answered",
  );
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const typed = interaction.options.getFocused().trim().toLowerCase();
  const startsWithTyped = (id: string) => Number(id.toLowerCase().startsWith(typed));
  const matches = ctx.engine
    .reports()
    .filter((r) => r.id.length <= CHOICE_CHARS)
    .filter((r) => r.id.toLowerCase().includes(typed) || r.title.toLowerCase().includes(typed))
    // Reports whose id starts with what was typed come first: that is usually the one being typed out.
    .sort((a, b) => startsWithTyped(b.id) - startsWithTyped(a.id) || a.title.localeCompare(b.title))
    .slice(0, MAX_CHOICES);
  await interaction.respond(
    matches.map((r) => ({ name: truncate(`${r.title} (${r.id})`, CHOICE_CHARS), value: r.id })),
  );
}
