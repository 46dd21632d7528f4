import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from "discord.js";
import type { IngestedReport } from "../../engine-types.js";
import { checkReportSize, reportFileName } from "../../engine/report-file.js";
import { DossierError } from "../../errors.js";
import type { BotContext, Precondition } from "../handler-types.js";
import { manageGuild } from "../preconditions/manage-guild.js";
import { code, reportTitle } from "../format-answer.js";
import { NO_MENTIONS } from "../replies.js";

const DOWNLOAD_TIMEOUT_MS = 30_000;

export const data = new SlashCommandBuilder()
  .setName("ingest")
  .setDescription("Add or update a news report (.txt or .md) that Dossier can answer from.")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addAttachmentOption((option) =>
    option.setName("report").setDescription("The report as a .txt or .md file (UTF-8)").setRequired(true),
  );

export const preconditions: readonly Precondition[] = [manageGuild];

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const attachment = interaction.options.getAttachment("report", true);
  // Cheap checks on what Discord already told us come before deferring, so they fail fast.
  const fileName = reportFileName(attachment.name);
  checkReportSize(attachment.size, ctx.config.maxReportBytes);

  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const bytes = await download(attachment.url, ctx.config.maxReportBytes);
  const report = await ctx.engine.addReport({ fileName, bytes });
  ctx.logger.info({ command: "ingest", report: report.id, status: report.status, sentences: report.sentences }, "ingested");
  await interaction.editReply({ content: describe(report), allowedMentions: NO_MENTIONS });
}

function describe(report: IngestedReport): string {
  const what = `**${reportTitle(report.title)}** (${code(report.id)}, ${report.sentences} sentences)`;
  if (report.status === "unchanged") return `${what} is already ingested and unchanged.`;
  const verb = report.status === "added" ? "Added" : "Updated";
  return `${verb} ${what}. Ask about it with \`/ask\`, optionally with \`report:${report.id}\`.`;
}

async function download(url: string, maxBytes: number): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (err) {
    throw new DossierError("INGEST_FAILED", "Could not download the attachment from Discord; try again.", { cause: err });
  }
  if (!response.ok) {
    throw new DossierError("INGEST_FAILED", `Could not download the attachment from Discord (HTTP ${response.status}).`);
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  checkReportSize(declared, maxBytes);
  return new Uint8Array(await response.arrayBuffer());
}
