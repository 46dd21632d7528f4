import { DossierError } from "../errors.js";
import { fragmentToText } from "./html-to-text.js";
import { refuseDeepNesting } from "./tag-nesting.js";
import type { FormatReader } from "./report-format.js";
import { namedByline, withStatedByline } from "./stated-byline.js";
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
  // Markdown was read as plain text, markup and all, before revision 1; front matter was read as a heading before 2,
  // a value on more than one line (a block scalar, a quoted title wrapped) was not read, or read wrong, before 3, and
  // the front matter's author was no sentence of the text before 4.
  revision: 4,
  async read(bytes, name) {
    const { body, fields } = await frontMatter(decodeText(bytes, name));
    // Loaded on first use, like the other readers' libraries. Raw HTML in the report becomes the text it shows, never runs.
    const { Marked } = await import("marked");
    const html = rendered(() => new Marked({ gfm: true, async: false }).parse(body) as string, name);
    // Raw HTML in a report passes through the renderer as it is, nested as deep as it was written.
    refuseDeepNesting(html, name, "the Markdown");
    const text = await fragmentToText(html);
    if (!/\p{L}{2,}/u.test(text)) throw new DossierError("BAD_REPORT", `${name}: no text once the Markdown is rendered`);
    const byline = namedByline(fields.get("author"));
    // The author the front matter alone states is put in the text as its byline, as a web page's is (stated-byline.ts):
    // left out of the text with the block, "Who wrote the article?" had nothing to cite.
    return { kind: "text", text: withStatedByline(text, byline), title: fields.get("title") ?? leadingTitle(text), byline, published: fields.get("date") };
  },
};

/**
 * `marked` renders quotes and lists inside each other by recursion: some thousands deep ("> > > …") it overflows the
 * stack and throws its own two-line plea to report the bug, which is no reason a user can act on.
 */
function rendered(render: () => string, name: string): string {
  try {
    return render();
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new DossierError("BAD_REPORT", `${name}: the Markdown nests quotes or lists too deeply to read`);
    }
    throw error;
  }
}

/**
 * Front matter is a few dozen lines of keys; the parser's time grows with the block (a report's 2 MB of keys took 9 s,
 * 16 KiB of nested `[` nearly half a second), so a longer block is not parsed.
 */
const MAX_FRONT_MATTER_CHARS = 16_384;

/**
 * A leading YAML front matter block, as static-site generators and CMS exports write it: `---` lines around YAML.
 * Marked reads it as a heading ("## title: … date: …"), so its keys became report text and the title came from the
 * file name. Read by the `yaml` package, the block is front matter when it is a mapping of keys: then it is left out of
 * the text, and its values that are text are the report's own (a block scalar's lines, quotes and comments as YAML
 * reads them; a list, a map, an alias or null give none). A leading `---` rule over prose, a list or an indented
 * passage between two rules, a block YAML cannot read (`title: Budget: the vote`), or one too long to be front matter
 * is the report's text, as written.
 */
async function frontMatter(source: string): Promise<{ body: string; fields: Map<string, string> }> {
  const fields = new Map<string, string>();
  const block = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
  if (!block || block[1]!.length > MAX_FRONT_MATTER_CHARS) return { body: source, fields };
  const { parseDocument, isMap, isScalar } = await import("yaml");
  // Aliases are never expanded (the values are read off the parsed nodes), so a block of nested aliases costs nothing.
  // No check for repeated keys: it compares each key with every one before it (64,000 keys took two minutes).
  const doc = parseDocument(block[1]!, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.items.length === 0) return { body: source, fields };
  for (const { key, value } of doc.contents.items) {
    if (!isScalar(key) || !isScalar(value) || value.value === null) continue;
    // A number or a date YAML would type is kept as written ("1e3", not "1000").
    const text = (typeof value.value === "string" ? value.value : (value.source ?? String(value.value))).replace(/\s+/g, " ").trim();
    if (text) fields.set(String(key.value).toLowerCase(), text);
  }
  return { body: source.slice(block[0].length), fields };
}
