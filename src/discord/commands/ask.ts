import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from "discord.js";
import { answerQuestion } from "../answer-question.js";
import { shorten } from "../../display/safe-text.js";
import type { BotContext, Precondition } from "../handler-types.js";
import { questionRate } from "../preconditions/rate-limit.js";

/** Discord's cap on an autocomplete choice's name and value, and on the number of choices. */
const CHOICE_CHARS = 100;
const MAX_CHOICES = 25;

export const data = new SlashCommandBuilder()
  .setName("ask")
  .setDescription("Ask a question about the news reports; the answer quotes the sentences it rests on.")
  .addStringOption((option) => option.setName("question").setDescription("What you want to know").setRequired(true))
  .addStringOption((option) =>
    option.setName("report").setDescription("Only answer from this report").setAutocomplete(true),
  )
  .addBooleanOption((option) =>
    option.setName("shared").setDescription("Let anyone here continue this conversation with the follow-up button (default: only you)"),
  );

// Checked before deferring so a refusal can be a private reply rather than a public "thinking…" message.
export const preconditions: readonly Precondition[] = [questionRate];

/** Answers in public and starts a conversation that the answer's follow-up button continues. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const question = interaction.options.getString("question", true);
  const reportId = interaction.options.getString("report") ?? undefined;
  const shared = interaction.options.getBoolean("shared") ?? false;
  await answerQuestion(interaction, ctx, {
    question,
    options: { reportIds: reportId === undefined ? undefined : [reportId] },
    conversationId: interaction.id,
    remember: (answer) => ctx.conversations.start(interaction.id, interaction.user.id, shared, answer),
  });
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
    matches.map((r) => ({ name: shorten(`${r.title} (${r.id})`, CHOICE_CHARS), value: r.id })),
  );
}
