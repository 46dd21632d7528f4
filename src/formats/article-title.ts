/**
 * A page's own title without the site's name, which pages add to the title a browser tab shows ("Council votes on
 * budget | The Lowmere Gazette", "Bridge reopens - Example News"). Readability keeps it whenever what is left is four
 * words or fewer, and knows no dash but the hyphen. The site's name is taken off only where it is known to be one:
 * the page's main heading is the title without it, or the segment is the name the page gives its site (og:site_name,
 * application-name, its publisher) or its host's ("examplenews.com"). A title whose last part is not the site's
 * ("Budget 2026 - Part 2") is kept whole. A heading that is itself the site's name (a logo in an <h1>) says nothing
 * of the article: matched, it would make the site's name the title.
 */
export function articleTitle(title: string, heading: string | undefined, siteNames: readonly string[], host: string | undefined): string {
  const separators = [...title.matchAll(SEPARATOR)];
  if (separators.length === 0) return title;
  const before = (m: RegExpMatchArray) => title.slice(0, m.index).trim();
  const after = (m: RegExpMatchArray) => title.slice(m.index! + m[0].length).trim();
  const sites = new Set([...siteNames.map(key), ...(host ? hostKeys(host) : [])].filter((k) => k !== ""));
  // "The Lowmere Gazette" is the site lowmeregazette.example.
  const isSite = (text: string) => sites.has(key(text)) || sites.has(key(text).replace(/^the/, ""));
  if (heading !== undefined && !isSite(heading) && separators.some((m) => same(before(m), heading))) return heading.trim();
  const [first, last] = [separators[0]!, separators.at(-1)!];
  if (isSite(after(last))) return before(last);
  if (isSite(before(first))) return after(first);
  return title;
}

// A separator with a space on each side, so "Q&A: rail-fare rise" and "2025-26" are no separators.
const SEPARATOR = /\s+[|–—·»-]\s+/g;

const key = (text: string) => text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
const same = (a: string, b: string) => key(a) !== "" && key(a) === key(b);

/**
 * The parts of a host a site's name may be written from: the label before its last ("cnn" of edition.cnn.com), and
 * when that is short, the one before it too, since it may be a country's second level ("examplenews" of
 * www.examplenews.co.uk, "abc" of abc.net.au). Without the list of public suffixes either alone guesses wrong.
 */
function hostKeys(host: string): string[] {
  const labels = host.toLowerCase().replace(/^www\./, "").split(".");
  const second = labels.at(-2);
  if (second === undefined) return [];
  return second.length <= 3 && labels.length > 2 ? [key(second), key(labels.at(-3)!)] : [key(second)];
}
