/**
 * Text from reports and chat models is data: before any front end shows it, it loses what could act on the
 * reader's screen (terminal escapes, control characters), what could pose as a link, and credentials in URLs.
 * Every pattern here is linear in the text's length, because the text may be a 100 KB sentence or a model's
 * runaway reply.
 */

// C0 and C1 controls, DEL, and the bidi overrides that can reorder what a line appears to say; \t and \n stay.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// A full ANSI/VT sequence first (CSI … final byte, OSC … BEL/ST), so no half of one survives as visible junk. Only
// what is surely one goes whole: an OSC without its terminator would take the rest of the text with it, and a
// bracket before a capitalised word ("\u001b[Word", a stray escape) is no CSI, though "[W" could end one. Of those only
// the escape goes, with the other controls, and what is left cannot act on a terminal.
const TERMINAL_ESCAPE = /\u001b\[(?![A-Z][a-z])[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u009b(?![A-Z][a-z])[0-?]*[ -/]*[@-~]/g;

/** Removes terminal escape sequences and control characters (keeping tabs and line breaks). */
export function stripControl(text: string): string {
  return text.replace(TERMINAL_ESCAPE, "").replace(CONTROL, "");
}

// The scheme is a fixed alternation (no open-ended prefix), which keeps the scan linear on any input.
const URL_PATTERN = /\b(?:https?|ftps?|file):\/\/[^\s<>"'`]+|\bwww\.[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"”’]+$/;

/** The URLs in `text`, without the punctuation that usually ends the sentence around them. */
export function urlsIn(text: string): string[] {
  return [...text.matchAll(URL_PATTERN)].map((m) => m[0].replace(TRAILING_PUNCTUATION, ""));
}

/** URLs a cited sentence quotes: the only ones a chat model's text may show as links. */
export function citedUrls(citations: readonly { text: string }[]): Set<string> {
  return new Set(citations.flatMap((c) => urlsIn(c.text)));
}

/**
 * Makes every URL in `text` that is not in `allowed` unclickable, the way security reports "defang" links
 * (`hxxps://evil[.]example/…`): Discord, terminals and chat clients no longer detect it, and a reader still
 * sees where it pointed. URLs quoted by a cited sentence are allowed, since the report itself says them.
 */
export function defangUrls(text: string, allowed: ReadonlySet<string> = new Set()): string {
  return text.replace(URL_PATTERN, (match) => {
    const url = match.replace(TRAILING_PUNCTUATION, "");
    if (allowed.has(url)) return match;
    const defanged = url.replace(/^http/i, "hxxp").replace(/^ftp/i, "fxp").replace(/^file/i, "fxle").replace(/\./g, "[.]");
    return `${defanged}${match.slice(url.length)}`;
  });
}

// Up to the last @ before the path: a password may hold a raw "@" (URL parsers split there too), and stopping at
// the first one would show the rest of the password.
const USERINFO = /\b((?:https?|wss?|ftps?|postgres(?:ql)?):\/\/)[^\s/?#]+@/gi;

/** Hides `user:password@` in every URL in `text`. */
export function redactUrlCredentials(text: string): string {
  return text.replace(USERINFO, "$1[redacted]@");
}

/**
 * Shortens `text` to at most `limit` characters, cutting at a word boundary when one is near and marking the cut
 * with an ellipsis; never splits a surrogate pair.
 */
export function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let cut = limit - 1;
  if (/[\uDC00-\uDFFF]/.test(text.charAt(cut))) cut--;
  const space = text.lastIndexOf(" ", cut);
  if (space > cut * 0.8) cut = space;
  return `${text.slice(0, cut).trimEnd()}…`;
}
