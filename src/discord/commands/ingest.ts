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
  const arrived = Date.now();
  const attachment = interaction.options.getAttachment("report");
  const url = interaction.options.getString("url")?.trim();
  if ((attachment === null) === (url === undefined || url === "")) {
    throw new DossierError("USAGE", "Attach a report file or give a `url`, one of the two.");
  }
  let work: Promise<IngestedReport>;
  if (attachment) {
    // Cheap checks on what Discord already told us come before deferring, so they fail fast.
    const fileName = reportFileName(attachment.name);
    checkReportSize(attachment.size, ctx.config.maxReportBytes);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    work = ctx.engine.addReport({ fileName, attachmentUrl: attachment.url });
  } else {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    work = ctx.engine.addUrlReport(url!);
  }
  const report = await withinReplyWindow(work, arrived + ctx.replyWindowMs);
  if (report === undefined) {
    // The reply can no longer wait; how the ingest ends is the log's to say.
    work.then(
      (late) => logIngested(ctx, late, "ingested after its reply had to be sent"),
      (err: unknown) => ctx.logger.warn({ command: "ingest", err }, "ingest failed after its reply had to be sent"),
    );
    await interaction.editReply({ content: STILL_GOING, allowedMentions: NO_MENTIONS });
    return;
  }
  logIngested(ctx, report, "ingested");
  await interaction.editReply({ content: describe(report), allowedMentions: NO_MENTIONS });
}

/**
 * Said when an ingest (a slow page, uploads queued one after another, a stuck file that INGEST_TIMEOUT_MS, 15 minutes
 * by default, stops only after Discord has stopped taking the reply) outlasts the reply: without it, the reply was
 * "thinking…" for ever and how the ingest ended never reached the person who asked.
 */
const STILL_GOING =
  "This ingest is taking longer than Discord lets a reply wait, so it goes on without one: `/reports` lists the report once it is in (the bot's log says how it ended).";

/** The ingested report, or undefined once `deadline` (a time in ms) has passed first. */
async function withinReplyWindow(work: Promise<IngestedReport>, deadline: number): Promise<IngestedReport | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), Math.max(0, deadline - Date.now()))));
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function logIngested(ctx: BotContext, report: IngestedReport, message: string): void {
  ctx.logger.info({ command: "ingest", report: report.id, status: report.status, sentences: report.sentences }, message);
}

function describe(report: IngestedReport): string {
  const what = `**${reportTitle(report.title)}** (${code(report.id)}, ${counted(report.sentences, "sentence")})`;
  if (report.status === "unchanged") return `${what} is already ingested and unchanged.`;
  const verb = report.status === "added" ? "Added" : "Updated";
  return `${verb} ${what}. Ask about it with \`/ask\`, optionally with \`report:${report.id}\`.`;
}
