/**
 * A page's own title without the site's name, which pages add to the title a browser tab shows ("Council votes on
 * budget | The Lowmere Gazette", "Bridge reopens - Example News"). Readability keeps it whenever what is left is four
 * words or fewer, and knows no dash but the hyphen. The site's name is taken off only where it is known to be one:
 * the page's main heading is the title without it, or the segment is the name the page gives its site (og:site_name,
 * application-name, its publisher) or its host's ("examplenews.com"). A title whose last part is not the site's
 * ("Budget 2026 - Part 2") is kept whole.
 */
export function articleTitle(title: string, heading: string | undefined, siteNames: readonly string[], host: string | undefined): string {
  const separators = [...title.matchAll(SEPARATOR)];
  if (separators.length === 0) return title;
  const before = (m: RegExpMatchArray) => title.slice(0, m.index).trim();
  const after = (m: RegExpMatchArray) => title.slice(m.index! + m[0].length).trim();
  if (heading !== undefined && separators.some((m) => same(before(m), heading))) return heading.trim();
  const sites = new Set([...siteNames.map(key), ...(host ? [hostKey(host)] : [])].filter((k) => k !== ""));
  const [first, last] = [separators[0]!, separators.at(-1)!];
  if (sites.has(key(after(last)))) return before(last);
  if (sites.has(key(before(first)))) return after(first);
  return title;
}

// A separator with a space on each side, so "Q&A: rail-fare rise" and "2025-26" are no separators.
const SEPARATOR = /\s+[|–—·»-]\s+/g;

const key = (text: string) => text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
const same = (a: string, b: string) => key(a) !== "" && key(a) === key(b);

/** "www.examplenews.co.uk" → "examplenews": the part of a host a site's name is written from. */
function hostKey(host: string): string {
  const labels = host.toLowerCase().replace(/^www\./, "").split(".");
  const name = labels.length > 2 && labels.at(-2)!.length <= 3 ? labels.at(-3) : labels.at(-2);
  return key(name ?? "");
}
