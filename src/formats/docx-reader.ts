import type JSZip from "jszip";
import { DossierError } from "../errors.js";
import { htmlToText } from "./html-to-text.js";
import type { FormatReader } from "./report-format.js";

/**
 * Word documents through mammoth, which maps Word's paragraph styles to semantic HTML (headings, lists, tables) and
 * ignores layout; that HTML becomes text the same way a web article does, so headings stay headings and list items
 * keep their order. The title is the document's own (File › Properties), else a leading Title-styled paragraph.
 */
export const docxReader: FormatReader = {
  extensions: [".docx"],
  contentTypes: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  async read(bytes, name) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let html: string;
    // Loaded on first use: a process that never reads a Word file never pays for loading them.
    const [{ default: Zip }, { default: mammoth }, { parseHTML }] = await Promise.all([import("jszip"), import("mammoth"), import("linkedom")]);
    let zip: JSZip;
    try {
      zip = await Zip.loadAsync(buffer);
      ({ value: html } = await mammoth.convertToHtml({ buffer }, { styleMap: ["p[style-name='Title'] => h1.title:fresh"] }));
    } catch (error) {
      throw new DossierError("BAD_REPORT", `${name}: not a readable Word (.docx) document`, { cause: error });
    }
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const text = htmlToText(document.body);
    if (!/\p{L}{2,}/u.test(text)) throw new DossierError("BAD_REPORT", `${name}: the document has no text`);
    const core = (await zip.file("docProps/core.xml")?.async("string")) ?? "";
    const coreTitle = parseHTML(`<p>${/<dc:title>([\s\S]*?)<\/dc:title>/.exec(core)?.[1] ?? ""}</p>`).document.querySelector("p")?.textContent?.trim();
    const styledTitle = document.querySelector("h1.title")?.textContent?.trim();
    return { kind: "docx", text, title: coreTitle || styledTitle || undefined };
  },
};
