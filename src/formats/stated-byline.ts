import { isShortLine } from "../text/byline.js";

/**
 * A report's text with the byline its page states in markup alone put back as a sentence of it, as a news report's
 * text file has it ("By Jonas Feldt, Economics Editor"): Readability takes the byline element out of the article it
 * keeps (it becomes the page's `byline`), and a `<meta name="author">` is no text at all, so "Who wrote the article?"
 * had nothing to cite. The sentence goes where the element left a lone "By" behind (`By <a rel="author">…</a>`),
 * else first. A text that states its byline already is left as it is, so none is said twice: it has a short line
 * without a sentence's closing stop that opens with "By" or with the byline's name ("Jane Doe | Staff writer"), or
 * reads "by <name>" anywhere ("Reporting by Jane Doe"). "By Tuesday, 300 homes were empty." is no byline.
 */
export function withStatedByline(text: string, byline: string | undefined): string {
  const stated = byline?.replace(/\s+/g, " ").trim();
  if (!stated || !/\p{L}/u.test(stated)) return text;
  // "Jane Doe" of "By Jane Doe", "Jane Doe, Harbour Correspondent", "Jane Doe and John Smith", "Jane Doe | 11 Feb".
  const name = key(stated.replace(/^.*?\bby\s+/i, "").split(/\s*(?:[,;|•·–—]|\band\b|&)\s*/)[0]!);
  const lines = text.split("\n").map((line) => key(line));
  const short = lines.filter(isShortLine);
  if (name === "" || short.some((line) => /^by\s/.test(line) || line.startsWith(name)) || key(text).includes(`by ${name}`)) return text;
  // "Jane Doe" is no sentence that says who wrote the report; "By Jane Doe" is.
  const sentence = /\bby\b/i.test(stated) ? stated : `By ${stated}`;
  const leftover = lines.findIndex((line) => LEFTOVER.test(line));
  if (leftover < 0) return `${sentence}\n\n${text}`;
  return text.split("\n").map((line, i) => (i === leftover ? sentence : line)).join("\n");
}

const key = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

// What a byline element taken out of its sentence leaves: "By", "By:", "Written by".
const LEFTOVER = /^(?:(?:written|words|reported|story)\s+)?by:?$/;
