import { counted } from "../display/counted.js";
import { DossierError } from "../errors.js";

/**
 * Fewer words than this is no report. A page that only says "Hi", one whose text a script was to write ("Loading…"),
 * a notice in front of the article ("Just a moment… Enable JavaScript and cookies to continue", "Subscribe to continue
 * reading", a cookie banner) runs to a dozen words at most; the shortest real news item, a brief of two sentences,
 * runs to thirty or more (a news sentence averages twenty-odd words), and every report of the question bank to
 * hundreds. Taken as a report, such a page answered nothing, and an update to it replaced the article.
 */
export const MIN_REPORT_WORDS = 20;

/**
 * Refuses, with why in one line, a report whose text is too short to answer questions from, whatever its format.
 * Words are counted as Unicode splits them (Intl.Segmenter), so that text written without spaces (Chinese, Japanese,
 * Thai) counts its words too; headings (`#` lines) do not count, being no sentence an answer can cite.
 */
export function checkEnoughText(text: string, name: string): void {
  const body = text.split("\n").filter((line) => !/^#{1,6}\s/.test(line)).join("\n");
  let words = 0;
  for (const segment of new Intl.Segmenter("en", { granularity: "word" }).segment(body)) {
    // A long report is read only until it has shown enough.
    if (segment.isWordLike && ++words >= MIN_REPORT_WORDS) return;
  }
  throw new DossierError("BAD_REPORT", `${name}: too little text to answer questions from (${counted(words, "word")}; a report needs at least ${MIN_REPORT_WORDS})`);
}
