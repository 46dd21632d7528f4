import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from "discord.js";
import { counted } from "../../display/counted.js";
import type { IngestedReport } from "../../engine-types.js";
import { checkReportSize, reportFileName } from "../../engine/report-file.js";
import { DossierError } from "../../errors.js";
import type { BotContext, Precondition } from "../handler-types.js";
import { manageGuild } from "../preconditions/manage-guild.js";
import { code, reportTitle } from "../format-answer.js";
import { NO_MENTIONS } from "../replies.js";

export const data = new SlashCommandBuilder()
  .setName("ingest")
  .setDescription("Add or update a news report (PDF, Word, web page or text) that Dossier can answer from.")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addAttachmentOption((option) =>
    option.setName("report").setDescription("The report as a .pdf, .docx, .html, .txt or .md file"),
  )
  .addStringOption((option) => option.setName("url").setDescription("Or the address of a web page (or PDF) to fetch").setMaxLength(2000));

export const preconditions: readonly Precondition[] = [manageGuild];

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const attachment = interaction.options.getAttachment("report");
  const url = interaction.options.getString("url")?.trim();
  if ((attachment === null) === (url === undefined || url === "")) {
    throw new DossierError("USAGE", "Attach a report file or give a `url`, one of the two.");
  }
  let report: IngestedReport;
  if (attachment) {
    // Cheap checks on what Discord already told us come before deferring, so they fail fast.
    const fileName = reportFileName(attachment.name);
    checkReportSize(attachment.size, ctx.config.maxReportBytes);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    report = await ctx.engine.addReport({ fileName, attachmentUrl: attachment.url });
  } else {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    report = await ctx.engine.addUrlReport(url!);
  }
  ctx.logger.info({ command: "ingest", report: report.id, status: report.status, sentences: report.sentences }, "ingested");
  await interaction.editReply({ content: describe(report), allowedMentions: NO_MENTIONS });
}

function describe(report: IngestedReport): string {
  const what = `**${reportTitle(report.title)}** (${code(report.id)}, ${counted(report.sentences, "sentence")})`;
  if (report.status === "unchanged") return `${what} is already ingested and unchanged.`;
  const verb = report.status === "added" ? "Added" : "Updated";
  return `${verb} ${what}. Ask about it with \`/ask\`, optionally with \`report:${report.id}\`.`;
}
