import { SlashCommandBuilder, time, TimestampStyles, type ChatInputCommandInteraction } from "discord.js";
import { pageBlocks } from "../embed-pages.js";
import { counted } from "../../display/counted.js";
import { shorten } from "../../display/safe-text.js";
import type { ReportRecord } from "../../engine-types.js";
import { code, reportTitle } from "../format-answer.js";
import { discordText } from "../markdown.js";
import type { BotContext } from "../handler-types.js";
import { replyPrivately, sendPages } from "../replies.js";

export const data = new SlashCommandBuilder()
  .setName("reports")
  .setDescription("List the news reports Dossier can answer from.")
  .addStringOption((option) => option.setName("match").setDescription("Only reports whose title or id contains this").setMaxLength(100));

/**
 * A few messages hold about a hundred reports: past that a listing ends in this note, and `match:` is how to reach
 * the rest (before it, a large archive's other reports could not be listed at all).
 */
const CUT_NOTE = "*… more reports than fit here; narrow the list with `match:` (part of a title or id).*";

/** Private to the asker: a listing is a lookup, not something the whole channel needs to see. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const all = ctx.engine.reports();
  if (all.length === 0) {
    await replyPrivately(interaction, "No reports have been ingested yet; an admin can add one with /ingest.");
    return;
  }
  const match = interaction.options.getString("match")?.trim().toLowerCase() ?? "";
  const reports = all
    .filter((r) => r.id.toLowerCase().includes(match) || r.title.toLowerCase().includes(match))
    .sort((a, b) => a.title.localeCompare(b.title));
  if (reports.length === 0) {
    await replyPrivately(interaction, `No report's title or id contains ${code(match)} (${counted(all.length, "report")} in all).`);
    return;
  }
  const blocks = reports.map((r) => {
    const ingested = new Date(r.ingestedAt);
    const when = Number.isNaN(ingested.getTime()) ? "unknown" : time(ingested, TimestampStyles.RelativeTime);
    return `**${reportTitle(r.title)}**\n${code(r.id)} · ${counted(r.sentenceCount, "sentence")} · ingested ${when}${provenance(r)}`;
  });
  const title = match === "" ? counted(reports.length, "report") : `${reports.length} of ${counted(all.length, "report")}`;
  await sendPages(interaction, pageBlocks(blocks, { title, cutNote: CUT_NOTE }), { ephemeral: true });
}

/** Who wrote a web report and when it was published, as the page says: which "Ferry terminal" story this is. */
function provenance(report: ReportRecord): string {
  const { byline, published } = report.origin ?? {};
  const date = published ? new Date(published) : undefined;
  return [
    byline ? ` · ${discordText(shorten(byline, BYLINE_CHARS))}` : "",
    date && !Number.isNaN(date.getTime()) ? ` · published ${time(date, TimestampStyles.ShortDate)}` : "",
  ].join("");
}

const BYLINE_CHARS = 80;
