import { defangUrls, stripControl } from "../display/safe-text.js";

// Every character Discord's markdown gives meaning to anywhere in a line: emphasis, code, spoilers, masked links
// `[text](url)`, and `<…>` (autolinks, mentions, timestamps). Discord drops the backslash before any punctuation.
// An answer's `[n]` markers are left as they are: without a `(` after them (escaped here) they are never a link.
const INLINE = /\[\d+\]|[\\*_~`|[\]()<>#]/g;
// List markers, which only count at the start of a line (quotes and headings are escaped above).
const BULLET = /^([ \t]*)([-+])/gm;
const NUMBERED = /^([ \t]*\d+)([.)])/gm;

/**
 * Escapes Discord markdown in time linear in the text's length (discord.js's escapeMarkdown is quadratic on
 * long input: 3.9 s for 100 KB), so text from a report or a model always shows as written.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE, (match) => (match.length > 1 ? match : `\\${match}`)).replace(BULLET, "$1\\$2").replace(NUMBERED, "$1\\$2");
}

/**
 * Report or model text made safe to show in Discord: no control characters, no link a reader could click unless
 * it is in `allowedUrls` (URLs quoted by a cited sentence), and no markdown, masked links included.
 */
export function discordText(text: string, allowedUrls?: ReadonlySet<string>): string {
  return escapeMarkdown(defangUrls(stripControl(text), allowedUrls));
}
