/**
 * Turns an article's HTML into the plain text Dossier indexes: one paragraph a block, headings as `#` lines and list
 * items as `- ` lines, so sentence segmentation treats them as it treats Markdown (headings are not cited, list
 * markers are not part of a sentence). Scripts, styles, forms and navigation give no text.
 */
const SKIP = new Set(["script", "style", "noscript", "template", "svg", "nav", "form", "button", "select", "iframe", "head"]);
const BLOCK = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "aside", "figure", "figcaption", "blockquote", "pre",
  "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
  "hr", "address", "details", "summary", "body", "html",
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export function htmlToText(root: DomNode): string {
  const blocks: Array<{ text: string; listItem: boolean }> = [];
  let inline = "";
  let prefix = "";
  const flush = () => {
    const text = inline.replace(/[ \t\u00A0]+/g, " ").replace(/ ?\n ?/g, "\n").trim();
    if (text !== "") blocks.push({ text: prefix + text, listItem: prefix === "- " });
    inline = "";
  };
  const walk = (node: DomNode, quote: boolean) => {
    if (node.nodeType === 3) {
      inline += (node.textContent ?? "").replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === "br") {
      inline += "\n";
      return;
    }
    if (!BLOCK.has(tag)) {
      for (const child of Array.from(node.childNodes)) walk(child, quote);
      return;
    }
    flush();
    const heading = /^h([1-6])$/.exec(tag);
    const outer = prefix;
    if (heading) prefix = `${"#".repeat(Number(heading[1]))} `;
    else if (tag === "li") prefix = "- ";
    else if (tag === "blockquote" || quote) prefix = "> ";
    else prefix = "";
    for (const child of Array.from(node.childNodes)) walk(child, quote || tag === "blockquote");
    flush();
    prefix = outer;
  };
  walk(root, false);
  flush();
  // Consecutive list items stay one list (single line breaks); everything else is its own paragraph.
  return blocks
    .map((b, i) => (i === 0 ? "" : b.listItem && blocks[i - 1]!.listItem ? "\n" : "\n\n") + b.text)
    .join("");
}

/** An HTML fragment (a web article's content, a rendered Markdown report) as the text Dossier indexes. */
export async function fragmentToText(html: string): Promise<string> {
  // Loaded on first use, like the readers' own libraries.
  const { parseHTML } = await import("linkedom");
  return htmlToText(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body);
}
