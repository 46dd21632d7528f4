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
  // .markdown is Jekyll's default for posts and GitHub's second name for Markdown.
  extensions: [".md", ".markdown"],
  contentTypes: ["text/markdown"],
  // Markdown was read as plain text, markup and all, before revision 1; front matter was read as a heading before 2.
  revision: 2,
  async read(bytes, name) {
    const { body, fields } = frontMatter(decodeText(bytes, name));
    // Loaded on first use, like the other readers' libraries. Raw HTML in the report becomes the text it shows, never runs.
    const { Marked } = await import("marked");
    const text = await fragmentToText(new Marked({ gfm: true, async: false }).parse(body) as string);
    if (!/\p{L}{2,}/u.test(text)) throw new DossierError("BAD_REPORT", `${name}: no text once the Markdown is rendered`);
    return { kind: "text", text, title: fields.get("title") ?? leadingTitle(text), byline: fields.get("author"), published: fields.get("date") };
  },
};

/**
 * A leading YAML front matter block, as static-site generators and CMS exports write it: `---` lines around
 * `key: value` lines. Marked reads it as a heading ("## title: … date: …"), so its keys became report text and the
 * title came from the file name. The block is left out of the text; its one-line values are the report's own (a
 * key's value on later lines, or a list, is not read). A leading `---` rule over prose is no front matter.
 */
function frontMatter(source: string): { body: string; fields: Map<string, string> } {
  const block = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
  const lines = block?.[1]?.split("\n").filter((line) => line.trim() !== "" && !/^\s*#/.test(line)) ?? [];
  // YAML lines, at least one of them a key: a list or an indented passage between two rules is the report's text.
  const isKey = (line: string) => /^[\w-]+:(\s|$)/.test(line);
  if (!block || !lines.some(isKey) || !lines.every((line) => isKey(line) || /^(\s|- )/.test(line))) return { body: source, fields: new Map() };
  const fields = new Map<string, string>();
  for (const line of lines) {
    const [, key, value = ""] = /^([\w-]+):\s+(.*?)\s*$/.exec(line) ?? [];
    const text = oneLineValue(value);
    if (key !== undefined && text) fields.set(key.toLowerCase(), text);
  }
  return { body: source.slice(block[0].length), fields };
}

/**
 * A value as YAML reads it on its own line: quotes taken off, an unquoted value's ` # comment` left out. The marker
 * of a block scalar (`title: >-` with the title on the lines below), a flow list or map, an anchor, alias or tag, and
 * null give none: taken as written, ">-" was a report's title and "[Jane Doe, Ali Khan]" its byline.
 */
function oneLineValue(value: string): string | undefined {
  const quoted = /^(["'])(.*)\1(?:\s+#.*)?$/.exec(value);
  if (quoted) return (quoted[1] === "'" ? quoted[2]!.replace(/''/g, "'") : quoted[2]!).trim() || undefined;
  const plain = value.replace(/(?:^|\s)#.*$/, "").trim();
  return plain === "" || /^[|>[{&*!]/.test(plain) || /^(?:~|null)$/i.test(plain) ? undefined : plain;
}
