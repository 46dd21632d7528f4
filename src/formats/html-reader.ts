import type { parseHTML } from "linkedom";
import { DossierError } from "../errors.js";
import { articleTitle } from "./article-title.js";
import { fragmentToText } from "./html-to-text.js";
import type { FormatReader } from "./report-format.js";
import { namedByline, withStatedByline } from "./stated-byline.js";
import { decodeLabelled, metaCharset } from "./labelled-encoding.js";
import { decodeText } from "./text-reader.js";
import { refuseDeepNesting } from "./tag-nesting.js";

/**
 * Web pages and saved HTML files: Mozilla Readability (Firefox Reader View) finds the article and leaves menus,
 * ads and comments out; linkedom gives it a DOM without a browser. The page's address is the one it was fetched
 * from, else the one a saved page names (browsers' `saved from url=` mark, `<link rel="canonical">`, `og:url`).
 */
export const htmlReader: FormatReader = {
  extensions: [".html", ".htm"],
  contentTypes: ["text/html", "application/xhtml+xml"],
  // Titles kept the site's name ("… | The Lowmere Gazette") before revision 1; a byline stated only in the page's
  // markup (a byline element Readability takes out, a <meta name="author">) was no sentence of the text, and a
  // windows-1252 page's "€" and curly quotes were control characters, before 2; a byline naming no author ("admin")
  // was put back as a sentence before 3.
  revision: 3,
  async read(bytes, name, options = {}) {
    const html = decodeHtml(bytes, name);
    // Readability's time grows with the cube of the nesting: 1,000 <div>s inside each other took 3.5 s, 2,000 took
    // 27 s, 8,000 would hold the ingest for half an hour.
    refuseDeepNesting(html, name, "the page");
    // Loaded on first use, like the other readers' libraries: most processes never read a web page.
    const [{ Readability }, { parseHTML }] = await Promise.all([import("@mozilla/readability"), import("linkedom")]);
    const { document } = parseHTML(html);
    const url = options.url ?? pageAddress(html, document);
    const published =
      metaContent(document, ["article:published_time", "datePublished", "date", "pubdate", "dc.date"]) ??
      clean(document.querySelector("time[datetime]")?.getAttribute("datetime"));
    // Read before Readability, which takes the page apart as it looks for the article. Not an <h1> in the page's
    // header or menu: that is the site's logo, and matched to a title that starts with the site's name, it became it.
    const heading = clean((document.querySelector("article h1") ?? [...document.querySelectorAll("h1")].find((h) => !h.closest("header, nav")))?.textContent);
    const siteNames = ["og:site_name", "application-name"].flatMap((n) => metaContent(document, [n]) ?? []);
    const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
    if (!article?.content) throw new DossierError("BAD_REPORT", `${name}: no article text found in the page`);
    const body = await fragmentToText(article.content);
    if (!/\p{L}{2,}/u.test(body)) throw new DossierError("BAD_REPORT", `${name}: no article text found in the page`);
    // "admin" is kept out of the listing of reports as well as out of the text.
    const byline = namedByline(clean(article.byline));
    return {
      kind: "web",
      text: withStatedByline(body, byline),
      title: ownTitle(clean(article.title), heading, [...siteNames, ...(clean(article.siteName) ?? [])], url),
      byline,
      published: clean(article.publishedTime) ?? published,
      url,
    };
  },
};

/**
 * Pages are UTF-8 more often than not; one that is not says its encoding in a `<meta>` near the top (windows-1252,
 * ISO-8859-x, Shift_JIS…), which is honoured. Anything else is refused as text that cannot be read.
 */
function decodeHtml(bytes: Uint8Array, name: string): string {
  try {
    return decodeText(bytes, name);
  } catch (error) {
    const label = metaCharset(bytes);
    if (!label || /^utf-?8$/i.test(label)) throw error;
    try {
      return decodeLabelled(bytes, label).replace(/\r\n?/g, "\n");
    } catch {
      throw new DossierError("BAD_REPORT", `${name}: the page's encoding ${label} is not one Dossier can read`);
    }
  }
}

/** The article's title without the site's name (article-title.ts); the heading stands in for a page with no title. */
function ownTitle(title: string | undefined, heading: string | undefined, siteNames: string[], url: string | undefined): string | undefined {
  if (title === undefined) return heading;
  const host = url !== undefined && URL.canParse(url) ? new URL(url).hostname : undefined;
  return articleTitle(title, heading, siteNames, host);
}

function pageAddress(html: string, document: ReturnType<typeof parseHTML>["document"]): string | undefined {
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 2000))?.[1];
  const candidates = [
    saved,
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? undefined,
    metaContent(document, ["og:url"]),
  ];
  return candidates.find((c) => c !== undefined && /^https?:\/\//i.test(c));
}

function metaContent(document: ReturnType<typeof parseHTML>["document"], names: string[]): string | undefined {
  for (const n of names) {
    const meta = document.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const value = clean(meta?.getAttribute("content"));
    if (value) return value;
  }
  return undefined;
}

function clean(value: string | null | undefined): string | undefined {
  const v = value?.replace(/\s+/g, " ").trim();
  return v ? v : undefined;
}
