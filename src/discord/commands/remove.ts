import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { code, reportTitle } from "../format-answer.js";
import type { BotContext, Precondition } from "../handler-types.js";
import { manageGuild } from "../preconditions/manage-guild.js";
import { NO_MENTIONS } from "../replies.js";

export const data = new SlashCommandBuilder()
  .setName("remove")
  .setDescription("Remove a news report so that Dossier no longer answers from it.")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) =>
    option.setName("report").setDescription("The report to remove").setRequired(true).setAutocomplete(true),
  );

export const preconditions: readonly Precondition[] = [manageGuild];

/** The same report choices as /ask's `report` option. */
export { autocomplete } from "./ask.js";

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const id = interaction.options.getString("report", true).trim();
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  // One id named, so one report removed (an unknown id is thrown, and replied, as one line).
  const removed = (await ctx.engine.removeReports([id]))[0]!;
  ctx.logger.info({ command: "remove", report: removed.id }, "removed");
  await interaction.editReply({
    content: `Removed **${reportTitle(removed.title)}** (${code(removed.id)}); answers no longer cite it.`,
    allowedMentions: NO_MENTIONS,
  });
}
