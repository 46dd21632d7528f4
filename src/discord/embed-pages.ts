import type { APIEmbed } from "discord.js";
import { DISPLAY_LIMITS } from "../display/limits.js";
import { shorten } from "../display/safe-text.js";
import { packBlocks } from "./split-message.js";

/** Discord's embed limits; a message over any of them is rejected outright, so every reply is built under them. */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  footer: 2048,
  total: 6000,
  perMessage: 10,
} as const;

export interface EmbedPage {
  embeds: APIEmbed[];
}

export interface PageOptions {
  title?: string;
  footer?: string;
  color?: number;
  /** At most this many messages (default DISPLAY_LIMITS.messages); what does not fit is cut with a note. */
  maxPages?: number;
  /** The note that ends a cut reply, when the reader can do better than CUT_NOTE's "the rest is left out". */
  cutNote?: string;
}

export const CUT_NOTE = "*… more than fits in a few messages; the rest is left out.*";

/**
 * Lays blocks out as embed descriptions and groups the embeds into as few messages as Discord allows.
 * Blocks are kept whole when they fit, so a citation is never cut; the title opens the first embed and the footer
 * closes the last, so a split answer still reads as one card.
 */
export function pageBlocks(blocks: string[], options: PageOptions = {}): EmbedPage[] {
  const maxPages = options.maxPages ?? DISPLAY_LIMITS.messages;
  const note = options.cutNote ?? CUT_NOTE;
  const descriptions = packBlocks(blocks, EMBED_LIMITS.description);
  if (descriptions.length === 0) descriptions.push("\u200b");
  let pages = paginate(descriptions, options);
  // Each cut drops the last description, so this ends; the note replaces the end of the one kept last.
  while (pages.length > maxPages) {
    descriptions.pop();
    const last = descriptions.length - 1;
    descriptions[last] = `${shorten(descriptions[last] ?? "", EMBED_LIMITS.description - note.length - 2)}\n\n${note}`;
    pages = paginate(descriptions, options);
  }
  return pages;
}

function paginate(descriptions: string[], options: PageOptions): EmbedPage[] {
  const title = options.title === undefined ? undefined : shorten(options.title, EMBED_LIMITS.title);
  const footer = options.footer === undefined ? undefined : shorten(options.footer, EMBED_LIMITS.footer);

  const embeds: APIEmbed[] = descriptions.map((description, i) => ({
    ...(i === 0 && title !== undefined ? { title } : {}),
    description,
    ...(i === descriptions.length - 1 && footer !== undefined ? { footer: { text: footer } } : {}),
    ...(options.color === undefined ? {} : { color: options.color }),
  }));

  const pages: EmbedPage[] = [];
  let page: APIEmbed[] = [];
  let pageSize = 0;
  for (const embed of embeds) {
    const size = embedSize(embed);
    if (page.length > 0 && (page.length === EMBED_LIMITS.perMessage || pageSize + size > EMBED_LIMITS.total)) {
      pages.push({ embeds: page });
      page = [];
      pageSize = 0;
    }
    page.push(embed);
    pageSize += size;
  }
  if (page.length > 0) pages.push({ embeds: page });
  return pages;
}

/** The characters Discord counts toward an embed's share of the 6,000 total. */
export function embedSize(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

