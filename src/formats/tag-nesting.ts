import { DossierError } from "../errors.js";

// No article nests past a few dozen; pages nested deeper are built to hurt (see `refuseDeepNesting`).
export const MAX_NESTING = 512;

// Elements that hold nothing, and those whose end tag HTML lets a page leave out: neither nests what follows.
const NEVER_NESTS = new Set(
  "area base br col embed hr img input link meta param source track wbr keygen p li dt dd tr td th thead tbody tfoot option optgroup colgroup caption rb rt rtc rp html head body".split(" "),
);
const TAG = /<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g;
// What a script, a style sheet or a comment holds is no element, though it may read like tags ("'<div>' + …").
const NOT_MARKUP = /<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>/gi;

/**
 * How deeply the markup's elements nest, read from its tags alone in one pass: a parser's time grows with the
 * nesting (linkedom's about with its square: 330,000 unclosed <div>s took 96 s), Readability's with its cube and
 * linkedom's text walk recurses, so a page is measured before any of them sees it.
 */
export function tagNesting(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing, name, selfClosing] of html.replace(NOT_MARKUP, "").matchAll(TAG)) {
    if (NEVER_NESTS.has(name!.toLowerCase()) || selfClosing) continue;
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
