/**
 * Splits text into pieces that each fit a Discord length limit, preferring the gentlest break that works:
 * paragraph, then line, then sentence, then word; a hard cut (never inside a surrogate pair) only when a single
 * word is longer than the limit. Lengths are UTF-16 units, which never undercount what Discord measures.
 */
const BOUNDARIES: RegExp[] = [
  /\n[ \t]*\n\s*/g,
  /\n\s*/g,
  /(?<=[.!?…]["'”’)\]]*)\s+/g,
  /\s+/g,
];

export function splitMessage(text: string, limit = 2000): string[] {
  if (limit < 1) throw new RangeError("limit must be at least 1");
  return splitAt(text.trim(), limit, 0).filter((piece) => piece.length > 0);
}

/**
 * Joins blocks with `separator` into as few pieces as fit `limit`, never splitting a block that fits on its own;
 * a block longer than the limit is itself split with splitBlock. Used to keep each citation in one piece.
 */
export function packBlocks(blocks: string[], limit: number, separator = "\n\n"): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const block of blocks.flatMap((b) => (b.length > limit ? splitBlock(b, limit) : [b]))) {
    if (block.length === 0) continue;
    if (current === "") current = block;
    else if (current.length + separator.length + block.length <= limit) current += separator + block;
    else {
      pieces.push(current);
      current = block;
    }
  }
  if (current !== "") pieces.push(current);
  return pieces;
}

/** A Markdown block-quote line: `> ` (or a bare `>`) at its start. */
const QUOTE_LINE = /^> ?/;
const QUOTE_PREFIX = "> ";

/**
 * Splits like splitMessage, except that a block holding `> ` quoted lines is split line by line and every piece of
 * a quoted line keeps the prefix: a quoted sentence too long for one piece stays a quotation in each piece, rather
 * than only the first piece being quoted and the rest reading as our own words.
 */
export function splitBlock(block: string, limit: number): string[] {
  const lines = block.split("\n");
  if (limit <= QUOTE_PREFIX.length || !lines.some((line) => QUOTE_LINE.test(line))) return splitMessage(block, limit);
  // Lines are joined back as they came, blank ones included, into as few pieces as fit.
  const pieces: string[] = [];
  let current: string | undefined;
  const add = (part: string) => {
    if (current === undefined) current = part;
    else if (current.length + 1 + part.length <= limit) current += `\n${part}`;
    else {
      pieces.push(current);
      current = part;
    }
  };
  for (const line of lines) {
    const prefix = QUOTE_LINE.exec(line)?.[0];
    if (line.length <= limit) add(line);
    else if (prefix === undefined) splitMessage(line, limit).forEach(add);
    else {
      let rest = line.slice(prefix.length).trim();
      // The quotation's first piece fills what is left of the current piece, so it stays under its header.
      const room = current === undefined ? 0 : limit - current.length - 1 - QUOTE_PREFIX.length;
      const head = room > 0 ? splitMessage(rest, room)[0] : undefined;
      // Only at a word boundary or gentler: a hard cut is kept for words too long for any piece.
      if (head !== undefined && rest.startsWith(head) && /\s/.test(rest.charAt(head.length))) {
        add(QUOTE_PREFIX + head);
        rest = rest.slice(head.length).trim();
      }
      for (const piece of splitMessage(rest, limit - QUOTE_PREFIX.length)) add(QUOTE_PREFIX + piece);
    }
  }
  if (current !== undefined) pieces.push(current);
  return pieces.map((piece) => piece.trim()).filter((piece) => piece.length > 0);
}

function splitAt(text: string, limit: number, level: number): string[] {
  if (text.length <= limit) return [text];
  const boundary = BOUNDARIES[level];
  if (boundary === undefined) return hardCut(text, limit);

  const segments = segmentsKeepingSeparators(text, boundary);
  const pieces: string[] = [];
  let current = "";
  const flush = () => {
    const trimmed = current.trim();
    if (trimmed !== "") pieces.push(trimmed);
    current = "";
  };
  for (const segment of segments) {
    // The separator at a segment's end is dropped when the piece ends there, so only the trimmed length must fit.
    if ((current + segment).trimEnd().length <= limit) {
      current += segment;
      continue;
    }
    flush();
    if (segment.trimEnd().length <= limit) current = segment;
    else pieces.push(...splitAt(segment.trim(), limit, level + 1));
  }
  flush();
  return pieces;
}

function segmentsKeepingSeparators(text: string, boundary: RegExp): string[] {
  const segments: string[] = [];
  let last = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (end === last) continue;
    segments.push(text.slice(last, end));
    last = end;
  }
  if (last < text.length) segments.push(text.slice(last));
  return segments;
}

function hardCut(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const char of text) {
    if (current !== "" && current.length + char.length > limit) {
      pieces.push(current);
      current = "";
    }
    current += char;
  }
  if (current !== "") pieces.push(current);
  return pieces;
}
