import { DossierError } from "../errors.js";
import { fragmentToText } from "./html-to-text.js";
import type { FormatReader } from "./report-format.js";
import { decodeText, leadingTitle } from "./text-reader.js";

/**
 * Markdown reports: rendered by `marked` and read back as text the way a web page is, so a citation quotes what a
 * reader of the report sees ("Demand peaks at 9,870 megawatts.") rather than its markup ("**7am:** Demand…", link
 * targets, image syntax). Headings stay `#` lines and list items `- ` lines, as the sentence splitter expects.
 */
export const markdownReader: FormatReader = {
  extensions: [".md"],
  contentTypes: ["text/markdown"],
  // Markdown was read as plain text, markup and all, before revision 1.
  revision: 1,
  async read(bytes, name) {
    const source = decodeText(bytes, name);
    // Loaded on first use, like the other readers' libraries. Raw HTML in the report becomes the text it shows, never runs.
    const { Marked } = await import("marked");
    const text = await fragmentToText(new Marked({ gfm: true, async: false }).parse(source) as string);
    if (!/\p{L}{2,}/u.test(text)) throw new DossierError("BAD_REPORT", `${name}: no text once the Markdown is rendered`);
    return { kind: "text", text, title: leadingTitle(text) };
  },
};
