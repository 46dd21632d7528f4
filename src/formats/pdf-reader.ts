import { DossierError } from "../errors.js";
import type { FormatReader } from "./report-format.js";

interface Line {
  text: string;
  y: number;
}

/**
 * PDFs through unpdf (Mozilla's PDF.js packaged to run in Node without a canvas or any native module): the text
 * layer page by page, in the order the page draws it, so a two-column page that draws column by column reads in
 * column order. Lines repeated at the top or bottom of most pages (running headers, footers, page numbers) are left
 * out, words hyphenated across line ends are rejoined, and `pageStarts` says where each page begins in the text.
 */
export const pdfReader: FormatReader = {
  extensions: [".pdf"],
  contentTypes: ["application/pdf"],
  // A running header or footer on both pages of a two-page report was kept as text before revision 1.
  revision: 1,
  async read(bytes, name) {
    let pages: Line[][];
    let title: string | undefined;
    try {
      // PDF.js may detach the buffer it is given: hand it a copy.
      // Loaded on first use: PDF.js is large and most processes never read a PDF.
      const { getDocumentProxy } = await import("unpdf");
      const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
      try {
        pages = [];
        for (let n = 1; n <= pdf.numPages; n++) pages.push(linesOf(await (await pdf.getPage(n)).getTextContent()));
        const info = (await pdf.getMetadata().catch(() => undefined))?.info as { Title?: unknown } | undefined;
        title = typeof info?.Title === "string" ? usableTitle(info.Title) : undefined;
      } finally {
        await pdf.destroy();
      }
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new DossierError("BAD_REPORT", `${name}: not a readable PDF (${why.split("\n")[0]})`, { cause: error });
    }
    if (!pages.some((p) => p.some((l) => /\p{L}/u.test(l.text)))) {
      throw new DossierError("BAD_REPORT", `${name}: the PDF has no text layer (a scan?); run OCR on it first, e.g. with ocrmypdf`);
    }
    return { kind: "pdf", ...joinPages(dropRunningLines(pages)), title };
  },
};

interface TextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}

/** Text items to lines: a new line where the item says the line ended, or where the text moves to another baseline. */
function linesOf(content: { items: unknown[] }): Line[] {
  const lines: Line[] = [];
  let current: { text: string; y: number; endX: number; size: number } | undefined;
  let ended = false;
  for (const raw of content.items as TextItem[]) {
    if (raw.str === undefined || !raw.transform) continue;
    const [, , , scaleY = 0, x = 0, y = 0] = raw.transform;
    const size = Math.abs(scaleY) || raw.height || 10;
    if (current && !ended && Math.abs(y - current.y) < size * 0.5 && x >= current.endX - size) {
      const gap = x - current.endX;
      const needsSpace = gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(raw.str);
      current.text += (needsSpace ? " " : "") + raw.str;
      current.endX = x + (raw.width ?? 0);
    } else if (raw.str.trim() !== "" || !ended) {
      if (current) lines.push(current);
      current = { text: raw.str, y, endX: x + (raw.width ?? 0), size };
    }
    ended = raw.hasEOL === true;
  }
  if (current) lines.push(current);
  return lines.map((l) => ({ text: l.text.replace(/\s+/g, " ").trim(), y: l.y })).filter((l) => l.text !== "");
}

const PAGE_NUMBER = /^(?:page\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
// Lines within this many of a page's top or bottom are where running headers and footers sit.
const EDGE_LINES = 2;
// Points between two heights still taken as the same line's place on the page.
const SAME_HEIGHT = 2;

/** Leaves out page numbers, and lines at a page's top or bottom that recur (digits aside) on most pages. */
function dropRunningLines(pages: Line[][]): Line[][] {
  const edge = (lines: Line[], i: number) => i < EDGE_LINES || i >= lines.length - EDGE_LINES;
  const key = (text: string) => text.toLowerCase().replace(/\d+/g, "#");
  // Each edge line's height on every page it is at an edge of.
  const seenAt = new Map<string, number[]>();
  for (const lines of pages) {
    const edges = new Map(lines.filter((_, i) => edge(lines, i)).map((l) => [key(l.text), l.y]));
    for (const [k, y] of edges) {
      const at = seenAt.get(k);
      if (at) at.push(y);
      else seenAt.set(k, [y]);
    }
  }
  const textPages = pages.filter((p) => p.length > 0).length;
  // Of two pages, "most" is both, which a line of prose at an edge may also be; a running header or footer is
  // printed at the same height on each, which that line is not.
  const running = (text: string) => {
    const at = seenAt.get(key(text)) ?? [];
    if (textPages === 2) return at.length === 2 && Math.abs(at[0]! - at[1]!) <= SAME_HEIGHT;
    return textPages >= 3 && at.length > textPages / 2;
  };
  return pages.map((lines) => lines.filter((l, i) => !(edge(lines, i) && (PAGE_NUMBER.test(l.text) || running(l.text)))));
}

/**
 * One text for the whole document. A wider gap than the page's usual line spacing starts a paragraph; a page that
 * ends mid-sentence runs on into the next, so the sentence stays whole (and is cited on the page where it starts).
 */
function joinPages(pages: Line[][]): { text: string; pageStarts: number[] } {
  // Built from parts with a running length: slicing or testing the end of one growing string flattens it every time.
  const parts: string[] = [];
  let length = 0;
  const pageStarts: number[] = [];
  let previous: Line | undefined;
  for (const lines of pages) {
    const spacing = medianGap(lines);
    let pageStart: number | undefined;
    lines.forEach((line, i) => {
      let separator = "";
      if (previous) {
        const samePage = i > 0;
        const gap = previous.y - line.y;
        const ended = /[.!?:"”’)]$/.test(previous.text);
        const last = parts[parts.length - 1]!;
        if (/\p{Ll}-$/u.test(last) && /^\p{Ll}/u.test(line.text)) {
          parts[parts.length - 1] = last.slice(0, -1);
          length -= 1;
        } else if (ended && (!samePage || gap > spacing * 1.5 || gap < 0)) separator = "\n\n";
        else separator = "\n";
      }
      parts.push(separator);
      length += separator.length;
      pageStart ??= length;
      parts.push(line.text);
      length += line.text.length;
      previous = line;
    });
    pageStarts.push(pageStart ?? length);
  }
  return { text: parts.join(""), pageStarts };
}

function medianGap(lines: Line[]): number {
  const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((g) => g > 0).sort((a, b) => a - b);
  return gaps[Math.floor((gaps.length - 1) / 2)] ?? Number.POSITIVE_INFINITY;
}

function usableTitle(raw: string): string | undefined {
  const title = raw.replace(/\s+/g, " ").trim();
  // Office exporters often put the file name here rather than a title.
  if (title === "" || /^(untitled|microsoft (word|powerpoint) - )/i.test(title) || /\.(docx?|pdf|pptx?)$/i.test(title)) return undefined;
  return title;
}
