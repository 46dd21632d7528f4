import { DossierError } from "../errors.js";

// No article nests past a few dozen; pages nested deeper are built to hurt (see `tagNesting`).
const MAX_NESTING = 512;

// Elements that hold nothing, and those whose end tag HTML lets a page leave out: neither nests what follows.
const NEVER_NESTS = new Set(
  "area base br col embed hr img input link meta param source track wbr keygen p li dt dd tr td th thead tbody tfoot option optgroup colgroup caption rb rt rtc rp html head body".split(" "),
);
// What a script, a style sheet or a comment holds is no element, though it may read like tags ("'<div>' + …").
const RAW_TEXT = new Set(["script", "style"]);
// No "<" inside a tag: a stray "<a" with no ">" after it must not send the search to the end of the page each time.
const TAG_OR_COMMENT = /<!--|<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g;

/**
 * How deeply the markup's elements nest, read from its tags alone in one pass: a parser's time grows with the
 * nesting (linkedom's about with its square: 330,000 unclosed <div>s took 96 s), Readability's with its cube and
 * linkedom's text walk recurses, so a page is measured before any of them sees it.
 */
export function tagNesting(html: string): number {
  const lower = html.toLowerCase();
  const tags = new RegExp(TAG_OR_COMMENT);
  let depth = 0;
  let deepest = 0;
  for (let m = tags.exec(html); m !== null; m = tags.exec(html)) {
    const [whole, closing, tagName, selfClosing] = m;
    const name = tagName?.toLowerCase();
    const skipTo = whole === "<!--" ? "-->" : !closing && RAW_TEXT.has(name!) ? `</${name}` : undefined;
    if (skipTo !== undefined) {
      const end = lower.indexOf(skipTo, tags.lastIndex);
      if (end < 0) break;
      tags.lastIndex = end;
      continue;
    }
    if (NEVER_NESTS.has(name!) || selfClosing) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** Refuses markup nested deeper than any article (`what` says which kind, for the one-line reason). */
export function refuseDeepNesting(html: string, name: string, what: string): void {
  if (tagNesting(html) > MAX_NESTING) {
    throw new DossierError("BAD_REPORT", `${name}: ${what} nests its elements more than ${MAX_NESTING} deep, which no article does; not read`);
  }
}
