import { it } from "vitest";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { extractReport } from "../../../src/formats/read-format.js";
it("t", async () => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < 200; p++) {
    const page = doc.addPage([600, 800]);
    for (let l = 0; l < 45; l++) page.drawText(`Line ${l} of page ${p}: the council said the river flood was the worst in decades.`, { x: 40, y: 760 - l * 16, size: 10, font });
  }
  const bytes = await doc.save();
  const t0 = performance.now();
  const r = await extractReport(bytes, "big.pdf", 1e8);
  console.log(bytes.length, r.text.length, (performance.now() - t0).toFixed(0), "ms");
}, 120000);
