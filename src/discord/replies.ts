import { MessageFlags, type ActionRowBuilder, type ButtonBuilder, type MessageMentionOptions } from "discord.js";
import { shorten } from "../display/safe-text.js";
import type { EmbedPage } from "./embed-pages.js";
import type { RepliableInteraction } from "./handler-types.js";

/** Passed on every message as well as set as the client default: report text must never be able to ping anyone. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

/** Discord refuses a message whose content is longer; the message is then lost, not cut. */
export const CONTENT_LIMIT = 2000;

/**
 * Sends pages as the interaction's reply (editing it in when deferred) plus follow-ups for the rest;
 * components go under the last page so the buttons sit after the whole answer.
 */
export async function sendPages(
  interaction: RepliableInteraction,
  pages: EmbedPage[],
  options: { ephemeral?: boolean; components?: ActionRowBuilder<ButtonBuilder>[]; content?: string } = {},
): Promise<void> {
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  for (const [i, page] of pages.entries()) {
    const components = i === pages.length - 1 ? (options.components ?? []) : [];
    // `content` is our own short line above the first page; an empty one also clears a streamed draft.
    const body = { content: i === 0 ? (options.content ?? "") : "", embeds: page.embeds, components, allowedMentions: NO_MENTIONS };
    if (i > 0) await interaction.followUp({ ...body, flags });
    else if (interaction.deferred) await interaction.editReply(body);
    else await interaction.reply({ ...body, flags });
  }
}

/**
 * Shows a one-line message only to the user who acted, whatever state the interaction is in. A public deferred
 * reply cannot turn ephemeral, so it is removed and the message follows up privately instead of leaving a
 * "thinking…" message behind.
 */
export async function replyPrivately(interaction: RepliableInteraction, message: string): Promise<void> {
  // Error lines can quote what the user typed (an unknown report id, a URL), which Discord lets run to 6,000 characters.
  const body = { content: shorten(message, CONTENT_LIMIT), embeds: [], components: [], allowedMentions: NO_MENTIONS };
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
  } else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
    await interaction.editReply(body);
  } else {
    if (interaction.deferred && !interaction.replied) await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp({ ...body, flags: MessageFlags.Ephemeral });
  }
}
