import { isShortLine, namesNoAuthor } from "../text/byline.js";

/**
 * A report's text with the byline its page states in markup alone put back as a sentence of it, as a news report's
 * text file has it ("By Jonas Feldt, Economics Editor"): Readability takes the byline element out of the article it
 * keeps (it becomes the page's `byline`), and a `<meta name="author">` is no text at all, so "Who wrote the article?"
 * had nothing to cite. The sentence goes where the element left a lone "By" behind (`By <a rel="author">…</a>`),
 * else first. A text that states its byline already is left as it is, so none is said twice: it has a short line
 * without a sentence's closing stop that opens with "By" or with the byline's name ("Jane Doe | Staff writer"), or
 * reads "by <name>" anywhere ("Reporting by Jane Doe"). "By Tuesday, 300 homes were empty." is no byline. A page in
 * another language keeps its own word for "by": "Por Ana Lopes", not "By Por Ana Lopes". A byline that names no
 * author ("admin", "Staff") is not put back.
 */
export function withStatedByline(text: string, byline: string | undefined): string {
  const stated = namedByline(byline);
  if (stated === undefined) return text;
  const name = authorName(stated);
  const lines = text.split("\n").map((line) => key(line));
  // The name as a whole word: "AP" is not stated by "Apr 3, 2026" or "open by appointment".
  const whole = escaped(name) + String.raw`(?![\p{L}\p{N}])`;
  const opensWithName = new RegExp(`^${whole}`, "u");
  if (lines.filter(isShortLine).some((line) => OPENS_WITH_BY.test(line) || opensWithName.test(line)) || new RegExp(String.raw`\bby ${whole}`, "u").test(key(text))) return text;
  const leftover = lines.findIndex((line) => LEFTOVER.test(line));
  // "Jane Doe" is no sentence that says who wrote the report; "By Jane Doe" is, and "Por Jane Doe" where the page's
  // own word was "Por".
  const by = leftover < 0 ? "By" : capitalised(LEFTOVER.exec(lines[leftover]!)![1]!);
  const sentence = NAMED_BY.test(stated) ? stated : `${by} ${stated}`;
  if (leftover < 0) return `${sentence}\n\n${text}`;
  return text.split("\n").map((line, i) => (i === leftover ? sentence : line)).join("\n");
}

/**
 * A page's or front matter's byline, spaces tidied, when it names an author: "admin" and "Staff" name none, said as a
 * sentence "By admin" would answer "Who wrote the article?", and listed by `/reports` it would read as one.
 */
export function namedByline(byline: string | undefined): string | undefined {
  const stated = byline?.replace(/\s+/g, " ").trim();
  if (!stated || !/\p{L}/u.test(stated)) return undefined;
  const name = authorName(stated);
  return name === "" || namesNoAuthor(name) ? undefined : stated;
}

// "Jane Doe" of "By Jane Doe", "Por Jane Doe", "Jane Doe, Harbour Correspondent", "Jane Doe and John Smith",
// "Jane Doe | 11 Feb".
const authorName = (stated: string) => key(stated.replace(NAMED_BY, "").split(/\s*(?:[,;|•·–—]|\band\b|&)\s*/)[0]!);

const key = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// "By" as news pages say it in English, Spanish and Portuguese, German, French, Italian, Dutch, the Scandinavian
// languages and Polish.
const BY = String.raw`(?:by|por|von|par|di|door|av|af|przez)`;
// A byline that says "by" already: "By Jane Doe", "Story by Jane Doe", "Von Jana Berger".
const NAMED_BY = new RegExp(String.raw`^(?:.*?\bby|${BY}):?\s+`, "iu");
const OPENS_WITH_BY = new RegExp(String.raw`^${BY}:?\s`, "u");
// What a byline element taken out of its sentence leaves: "By", "By:", "Written by", "Por".
const LEFTOVER = new RegExp(String.raw`^(?:(?:written|words|reported|story)\s+)?(${BY}):?$`, "u");
