import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";

/**
 * Small report documents made by the tests themselves, in each format Dossier reads, shaped like the awkward parts of
 * real ones: running headers and footers, a word hyphenated across a line end, a page without text, two columns.
 */

const HEADER = "The Millbrook Courier - Special Report";

/**
 * Four pages: prose with a hyphenated line end, a page with no text, and a two-column page drawn column by column
 * (`pages` keeps the first so many; `echo` is a line of prose at the foot of the first page and near the top of the
 * second, at other heights).
 */
export async function makeReportPdf(options: { title?: string; pages?: number; echo?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (options.title) doc.setTitle(options.title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages: string[][][] = [
    [["The river rose two metres overnight and flooded the lower town of Millbrook.", "Volunteers filled four thousand sandbags before the evening shift be-", "gan at the fire station on Mill Lane.", "", "The mayor, Ruth Okafor, declared a local emergency at noon."]],
    [["Engineers said the old levee held along most of its length.", "A breach near the railway bridge let water into twelve streets.", "", "Residents were moved to the school gymnasium on Hill Road."]],
    [],
    [
      ["The council will meet on Friday", "to discuss a new flood wall."],
      ["Insurance assessors arrive next week.", "The school reopens on Monday."],
    ],
  ];
  const kept = pages.slice(0, options.pages);
  kept.forEach((columns, i) => {
    const page = doc.addPage([600, 800]);
    if (columns.length === 0) {
      page.drawRectangle({ x: 100, y: 300, width: 200, height: 200 });
      return;
    }
    page.drawText(HEADER, { x: 50, y: 770, size: 9, font });
    columns.forEach((lines, c) => {
      lines.forEach((line, l) => {
        if (line !== "") page.drawText(line, { x: 50 + c * 280, y: 700 - l * 16, size: 11, font });
      });
    });
    if (options.echo !== undefined && i < 2) page.drawText(options.echo, { x: 50, y: i === 0 ? 60 : 740, size: 11, font });
    page.drawText(`Page ${i + 1} of ${kept.length}`, { x: 270, y: 30, size: 9, font });
  });
  return doc.save();
}

/** A PDF whose pages hold only drawings, as a scan without OCR does. */
export async function makeScannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 2; i++) doc.addPage([600, 800]).drawRectangle({ x: 50, y: 50, width: 500, height: 700 });
  return doc.save();
}

export const ARTICLE_SENTENCE = "The harbour authority confirmed that the new ferry terminal will open on 3 March.";

/** A news page as a site serves it: navigation, the article with byline and date, a comment section, a footer. */
export function makeArticleHtml(options: { canonical?: string; extra?: string } = {}): string {
  const canonical = options.canonical ? `<link rel="canonical" href="${options.canonical}">` : "";
  return `<!doctype html><html><head><meta charset="utf-8"><title>Ferry terminal to open in March | Harbour News</title>
${canonical}<meta property="og:title" content="Ferry terminal to open in March">
<meta property="article:published_time" content="2026-02-11T08:00:00Z"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<div class="sponsor-banner">Buy cheap flights now! Subscribe today for only one euro a month.</div>
<article><h1>Ferry terminal to open in March</h1><p class="byline">By Ana Lopes</p>
<p>${ARTICLE_SENTENCE} The building cost forty million euros and took three years to finish, according to the authority's annual statement.</p>
<h2>Timetable</h2>
<p>Ferries to the islands will leave every two hours from the new quay, and the old pier will close for repairs during the summer months.</p>
<ul><li>The first ferry leaves at six in the morning.</li><li>The last ferry returns at ten at night.</li></ul>
<p>Local traders welcomed the news, saying the terminal would bring more visitors to the harbour district all year round.</p>
${options.extra ?? ""}</article>
<section class="comments"><h3>Comments</h3><p>Great news!!! Click here to win a prize.</p></section>
<footer><p>Copyright Harbour News. All rights reserved.</p></footer></body></html>`;
}

/** A Word report with a title property, headings, a numbered and a bulleted list and plain paragraphs. */
export async function makeReportDocx(): Promise<Uint8Array> {
  const doc = new Document({
    title: "Storm Damage Assessment",
    numbering: {
      config: [{ reference: "steps", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: "Storm Damage Assessment", heading: HeadingLevel.TITLE }),
          new Paragraph({ text: "Summary", heading: HeadingLevel.HEADING_1 }),
          new Paragraph("The storm destroyed nine fishing boats in the north harbour on Tuesday night."),
          new Paragraph("Power was restored to most homes by Wednesday afternoon."),
          new Paragraph({ text: "Next steps", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: "Inspectors will survey the sea wall first.", numbering: { reference: "steps", level: 0 } }),
          new Paragraph({ text: "Owners can claim compensation until the end of May.", bullet: { level: 0 } }),
          new Paragraph("The fisheries office opens an advice desk at the harbour on Monday."),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
