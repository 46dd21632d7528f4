import { describe, expect, it } from "vitest";
import { extractReport, pageAt, readerFor } from "../../../src/formats/read-format.js";
import { ARTICLE_SENTENCE, makeArticleHtml, makeReportDocx, makeReportPdf, makeScannedPdf } from "../../helpers/report-documents.js";

const MAX = 2_000_000;

describe("PDF reports", () => {
  it("gives the text page by page: hyphens rejoined, running header and page numbers out, empty page kept as a page", async () => {
    const report = await extractReport(await makeReportPdf({ title: "Millbrook Flood" }), "flood.pdf", MAX);
    expect(report.kind).toBe("pdf");
    expect(report.title).toBe("Millbrook Flood");
    expect(report.text).toContain("before the evening shift began at the fire station");
    expect(report.text).not.toContain("Courier");
    expect(report.text).not.toMatch(/Page \d/);
    expect(report.pageStarts).toHaveLength(4);
    const page = (needle: string) => pageAt(report.pageStarts!, report.text.indexOf(needle));
    expect(page("The river rose")).toBe(1);
    expect(page("A breach near")).toBe(2);
    expect(page("Insurance assessors")).toBe(4);
    // Two columns read column by column: the left column's sentence is whole.
    expect(report.text).toMatch(/The council will meet on Friday\nto discuss a new flood wall\.\n\nInsurance assessors/);
    expect(report.text).toMatch(/Mill Lane\.\n\nThe mayor/);
    expect(report.text).toMatch(/twelve streets\.\n\nResidents/);
  });

  it("leaves out a running header printed on both pages of a two-page report", async () => {
    const report = await extractReport(await makeReportPdf({ pages: 2 }), "brief.pdf", MAX);
    expect(report.text).not.toContain("Courier");
    expect(report.text).toContain("The river rose two metres overnight");
    expect(report.text).toContain("Residents were moved to the school gymnasium on Hill Road.");
    // The same words at the foot of one page and the head of the other, at other heights, are prose.
    const echoed = await extractReport(await makeReportPdf({ pages: 2, echo: "Flood warnings remain in place." }), "echo.pdf", MAX);
    expect(echoed.text.match(/Flood warnings remain in place\./g)).toHaveLength(2);
  });

  it("refuses a scan without a text layer, saying so", async () => {
    await expect(extractReport(await makeScannedPdf(), "scan.pdf", MAX)).rejects.toThrow(/scan\.pdf: the PDF has no text layer \(a scan\?\); run OCR/);
  });

  it("refuses bytes that are not a PDF with a one-line reason", async () => {
    await expect(extractReport(new TextEncoder().encode("hello, not a pdf"), "fake.pdf", MAX)).rejects.toThrow(/^fake\.pdf: not a PDF file$/);
    await expect(extractReport(new TextEncoder().encode("%PDF-1.7 but broken"), "broken.pdf", MAX)).rejects.toThrow(/^broken\.pdf: not a readable PDF/);
  });
});

describe("HTML reports", () => {
  it("keeps the article and its title, byline and date, and leaves menus, ads and comments out", async () => {
    const html = makeArticleHtml({ canonical: "https://news.example/ferry" });
    const report = await extractReport(new TextEncoder().encode(html), "ferry.html", MAX);
    expect(report.kind).toBe("web");
    expect(report.title).toBe("Ferry terminal to open in March");
    expect(report.byline).toBe("By Ana Lopes");
    expect(report.published).toBe("2026-02-11T08:00:00Z");
    expect(report.url).toBe("https://news.example/ferry");
    expect(report.text).toContain(ARTICLE_SENTENCE);
    expect(report.text).toContain("## Timetable");
    expect(report.text).toContain("- The first ferry leaves at six in the morning.\n- The last ferry returns");
    for (const noise of ["Sport", "cheap flights", "win a prize", "Copyright"]) expect(report.text).not.toContain(noise);
  });

  it("refuses a page nested hundreds of elements deep, and reads one nested as articles are", async () => {
    const page = (depth: number) =>
      new TextEncoder().encode(`<html><body>${"<div>".repeat(depth)}<p>${ARTICLE_SENTENCE} ${ARTICLE_SENTENCE}</p>${"</div>".repeat(depth)}</body></html>`);
    await expect(extractReport(page(600), "deep.html", MAX)).rejects.toThrow(/^deep\.html: the page nests its elements more than 512 deep, which no article does; not read$/);
    expect((await extractReport(page(40), "shallow.html", MAX)).text).toContain(ARTICLE_SENTENCE);
    // Paragraphs and list items a page never closes, line breaks, and tags in a script nest nothing.
    const loose = `<html><body><article><p>${ARTICLE_SENTENCE}<ul>${"<li>item<br>".repeat(700)}</ul>${"<p>More of the report. ".repeat(700)}<script>${"s+='<div>';".repeat(700)}</script></article></body></html>`;
    expect((await extractReport(new TextEncoder().encode(loose), "loose.html", MAX)).text).toContain(ARTICLE_SENTENCE);
  });

  it("takes the address a page was fetched from over the one it claims, and a browser's saved-from mark", async () => {
    const html = makeArticleHtml({ canonical: "https://elsewhere.example/x" });
    const fetched = await extractReport(new TextEncoder().encode(html), "page", MAX, { url: "https://news.example/a", contentType: "text/html; charset=utf-8" });
    expect(fetched.url).toBe("https://news.example/a");
    const saved = await extractReport(new TextEncoder().encode(`<!-- saved from url=(0026)https://news.example/saved -->\n${makeArticleHtml()}`), "s.htm", MAX);
    expect(saved.url).toBe("https://news.example/saved");
  });

  it("reads a page in the encoding its <meta> names, and refuses text in an encoding it does not say", async () => {
    const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
    const html = makeArticleHtml({ extra: "<p>Le café du port rouvrira après les travaux, a précisé la capitainerie.</p>" }).replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">');
    const report = await extractReport(latin1(html), "café.html", MAX);
    expect(report.text).toContain("Le café du port rouvrira après les travaux");
    await expect(extractReport(latin1(html.replace('<meta charset="iso-8859-1">', "")), "x.html", MAX)).rejects.toThrow(/x\.html: not valid UTF-8/);
  });

  it("keeps a byline the page states as the report's first sentence, once, however the page marks it", async () => {
    const body =
      "<p>The harbour authority confirmed on Monday that the new ferry terminal will open on 3 March, three years after work began.</p>" +
      "<p>Ferries to the islands will leave every two hours from the new quay, and the old pier will close for repairs this summer.</p>";
    const text = async (head: string, article: string) =>
      (await extractReport(new TextEncoder().encode(`<!doctype html><html><head><title>Ferry terminal</title>${head}</head><body><article>${article}</article></body></html>`), "p.html", MAX)).text;
    // Readability takes a byline element out of the article, and a <meta name="author"> was never text: both were lost.
    expect(await text("", `<p class="byline">By Ana Lopes</p>${body}`)).toMatch(/^By Ana Lopes\n\nThe harbour authority/);
    expect(await text("", `<div><span class="author">Ana Lopes</span> <time datetime="2026-02-11">11 Feb</time></div>${body}`)).toMatch(/^By Ana Lopes\n\n/);
    expect(await text('<meta name="author" content="Ana Lopes">', body)).toMatch(/^By Ana Lopes\n\nThe harbour authority/);
    // A link to the author taken out of "By …" leaves the "By" behind: the byline takes its place.
    expect(await text("", `<p>By <a rel="author" href="/ana">Ana Lopes</a></p>${body}`)).toMatch(/^By Ana Lopes\n\nThe harbour authority/);
    // A page in another language keeps its own word for "by": it read "By Ana Lopes" above a lone "Por", and "By Por …".
    const spanish = await text("", `<p>Por <a rel="author" href="/ana">Ana Lopes</a></p>${body}`);
    expect(spanish).toMatch(/^Por Ana Lopes\n\nThe harbour authority/);
    expect(spanish).not.toMatch(/\bBy\b/);
    expect(await text("", `<p class="byline">Von Jana Berger</p>${body}`)).toMatch(/^Von Jana Berger\n\nThe harbour authority/);
    // Already in the text, as the page wrote it: not said twice.
    for (const stated of ["<p>By Ana Lopes, Harbour Correspondent</p>", "<address>By Ana Lopes</address>", "<p>Ana Lopes | Harbour Correspondent</p>"]) {
      const kept = await text('<meta name="author" content="Ana Lopes">', stated + body);
      expect(kept.split("Ana Lopes"), stated).toHaveLength(2);
    }
    // A byline is stated by its name as a whole word: "AP" is not in "Apr 3" or "by appointment".
    const agency = await text('<meta name="author" content="AP">', "<p>Apr 3, 2026</p><p>The old pier will be open to visitors by appointment only, the harbour authority said.</p>" + body);
    expect(agency).toMatch(/^By AP\n\nApr 3, 2026/);
    // A short sentence that opens with "By" or with the author's name is no byline.
    expect(await text('<meta name="author" content="Ana Lopes">', `<p>By Tuesday, the quay was ready.</p><p>Ana Lopes toured it.</p>${body}`)).toMatch(/^By Ana Lopes\n\nBy Tuesday/);
    expect(await text("", body)).toMatch(/^The harbour authority/);
  });

  it("reads a windows-1252 page's euro sign, curly quotes, dashes and ellipsis as they are written", async () => {
    // The bytes 0x80–0x9F are where windows-1252 differs from ISO-8859-1: 0x80 €, 0x93 “, 0x94 ”, 0x92 ’, 0x96 –, 0x85 ….
    const text = "The council\x92s offer \x96 rate relief of \x80500 a shop \x96 was called \x93too little\x94 by traders\x85 on Monday.";
    for (const label of ["windows-1252", "iso-8859-1"]) {
      const html = makeArticleHtml({ extra: `<p>${text}</p>` }).replace('<meta charset="utf-8">', `<meta charset="${label}">`);
      const report = await extractReport(Uint8Array.from(html, (c) => c.charCodeAt(0)), "relief.html", MAX);
      expect(report.text).toContain("The council’s offer – rate relief of €500 a shop – was called “too little” by traders… on Monday.");
    }
  });

  it("refuses a page with no article text", async () => {
    await expect(extractReport(new TextEncoder().encode("<html><body><nav>Home</nav></body></html>"), "empty.html", MAX)).rejects.toThrow(/empty\.html: no article text/);
  });
});

describe("Word reports", () => {
  it("keeps paragraphs and lists in order, headings as headings, and the document's own title", async () => {
    const report = await extractReport(await makeReportDocx(), "storm.docx", MAX);
    expect(report.kind).toBe("docx");
    expect(report.title).toBe("Storm Damage Assessment");
    expect(report.text).toBe(
      [
        "# Storm Damage Assessment",
        "# Summary",
        "The storm destroyed nine fishing boats in the north harbour on Tuesday night.",
        "Power was restored to most homes by Wednesday afternoon.",
        "## Next steps",
        "- Inspectors will survey the sea wall first.",
        "- Owners can claim compensation until the end of May.",
        "The fisheries office opens an advice desk at the harbour on Monday.",
      ].join("\n\n").replace("first.\n\n- Owners", "first.\n- Owners"),
    );
  });

  it("refuses a file that is not a Word document", async () => {
    await expect(extractReport(new TextEncoder().encode("not a zip"), "x.docx", MAX)).rejects.toThrow(/^x\.docx: not a Word \(\.docx\) document$/);
    await expect(extractReport(new TextEncoder().encode("PK\u0003\u0004 not really"), "y.docx", MAX)).rejects.toThrow(/^y\.docx: not a readable Word/);
  });
});

describe("choosing a reader", () => {
  it("goes by extension, then by content type, and refuses the rest", async () => {
    expect(readerFor("a.PDF")?.extensions).toContain(".pdf");
    expect(readerFor("page", "text/html; charset=utf-8")?.extensions).toContain(".html");
    expect(readerFor("a.exe")).toBeUndefined();
    await expect(extractReport(new Uint8Array([1]), "a.exe", MAX)).rejects.toThrow(/a\.exe: not a supported report type/);
    await expect(extractReport(new Uint8Array(11), "a.txt", 10)).rejects.toThrow(/over the 10-byte limit/);
  });
});

describe("Markdown reports", () => {
  const md = [
    "# Grid report",
    "",
    "**12 February, 7am:** Demand peaks at 9,870 [megawatts](https://grid.example/data) on the *coldest* night.",
    "",
    "The plan had three parts:",
    "",
    "- insulate the `intake` pipes;",
    "- register compressors as critical loads.",
    "",
    "![chart of demand](chart.png)",
    "<script>alert('x')</script>",
  ].join("\n");

  it("quotes what a reader sees: no emphasis, link targets or code marks; headings and list items kept as lines", async () => {
    const report = await extractReport(new TextEncoder().encode(md), "grid.md", MAX);
    expect(report.title).toBe("Grid report");
    expect(report.text).toContain("12 February, 7am: Demand peaks at 9,870 megawatts on the coldest night.");
    expect(report.text).toContain("The plan had three parts:\n\n- insulate the intake pipes;\n- register compressors as critical loads.");
    expect(report.text).not.toMatch(/\*|\]\(|grid\.example|`|alert/);
  });

  it("refuses quotes or raw HTML nested thousands deep with a one-line reason, not a stack overflow", async () => {
    const deep = `# Deep\n\n${"> ".repeat(3000)}The ferry sailed at dawn.\n`;
    await expect(extractReport(new TextEncoder().encode(deep), "deep.md", MAX)).rejects.toThrow(/^deep\.md: the Markdown nests quotes or lists too deeply to read$/);
    const raw = `# Deep\n\n${"<div>".repeat(5000)}The ferry sailed at dawn.${"</div>".repeat(5000)}\n`;
    await expect(extractReport(new TextEncoder().encode(raw), "raw.md", MAX)).rejects.toThrow(/^raw\.md: the Markdown nests its elements more than 512 deep, which no article does; not read$/);
    const nested = await extractReport(new TextEncoder().encode(`# Q\n\n${"> ".repeat(20)}The ferry sailed at dawn.\n`), "quoted.md", MAX);
    expect(nested.text).toContain("The ferry sailed at dawn.");
  });

  it("reads UTF-16 text with a byte-order mark, as Notepad saves it, rather than refusing it as a binary file", async () => {
    const text = "# Ferry\r\nThe ferry sailed at dawn from Brønnøysund. 😀\r\n";
    const utf16le = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
    expect(await extractReport(utf16le, "ferry.txt", MAX)).toMatchObject({ kind: "text", title: "Ferry", text: "# Ferry\nThe ferry sailed at dawn from Brønnøysund. 😀\n" });
    const utf16be = Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, "utf16le").swap16()]);
    expect(await extractReport(utf16be, "ferry.md", MAX)).toMatchObject({ title: "Ferry", text: "# Ferry\n\nThe ferry sailed at dawn from Brønnøysund. 😀" });
    // Cut mid-character, or NUL characters in it, it is refused all the same.
    await expect(extractReport(utf16le.subarray(0, utf16le.length - 1), "cut.txt", MAX)).rejects.toThrow(/^cut\.txt: not valid UTF-16 text$/);
    const nul = Uint8Array.from([0xff, 0xfe, ...Buffer.from("The ferry\0\0 sailed.", "utf16le")]);
    await expect(extractReport(nul, "nul.txt", MAX)).rejects.toThrow(/^nul\.txt: binary file \(contains NUL characters\)$/);
  });

  it("takes a leading front matter block's title, author and date, leaves the block out of the text, and states the author as its byline", async () => {
    // Marked read the block as a heading: "## title: … date: …" was report text, and the title came from the file name.
    const withFrontMatter = [
      "---",
      'title: "Council Approves New Cycle Lanes"',
      "date: 2026-11-20",
      "author: Jane Doe",
      "tags: [transport, council]",
      "---",
      "",
      "The city council approved three new cycle lanes on Wednesday.",
    ].join("\n");
    expect(await extractReport(new TextEncoder().encode(withFrontMatter), "lanes.md", MAX)).toMatchObject({
      title: "Council Approves New Cycle Lanes",
      byline: "Jane Doe",
      published: "2026-11-20",
      // As a web page's byline (stated-byline.ts): otherwise "Who wrote the article?" had no sentence to cite.
      text: "By Jane Doe\n\nThe city council approved three new cycle lanes on Wednesday.",
    });
    // Stated in the text already, it is not said twice; an account's name ("admin") is no byline to state.
    const stated = withFrontMatter.replace("The city", "*By Jane Doe, Transport Reporter*\n\nThe city");
    expect((await extractReport(new TextEncoder().encode(stated), "lanes.md", MAX)).text).toBe("By Jane Doe, Transport Reporter\n\nThe city council approved three new cycle lanes on Wednesday.");
    const account = withFrontMatter.replace("author: Jane Doe", "author: admin");
    const byAccount = await extractReport(new TextEncoder().encode(account), "lanes.md", MAX);
    // Nor is it kept as the report's byline, which `/reports` lists.
    expect(byAccount).toMatchObject({ text: "The city council approved three new cycle lanes on Wednesday." });
    expect(byAccount.kind === "text" && byAccount.byline).toBe(undefined);
    // A rule over prose is no front matter: it stays text, and the title comes from the heading.
    const ruled = "---\nThe council met on Wednesday.\n---\n\n# Cycle lanes\n\nThree were approved.";
    expect((await extractReport(new TextEncoder().encode(ruled), "ruled.md", MAX)).text).toContain("The council met on Wednesday.");
  });

  it("takes no YAML syntax for a front matter value: a block scalar's marker, null, a flow list or a comment", async () => {
    // "title: >-" with the title on the lines below gave the report the title ">-", and "author: |" the byline "|";
    // read by a YAML parser, a block scalar is the text on its lines.
    const source = [
      "---",
      "title: >-",
      "  Council Approves",
      "  New Cycle Lanes",
      "author: [Jane Doe, Ali Khan]",
      "date: ~",
      "---",
      "",
      "# Cycle lanes",
      "",
      "The city council approved three new cycle lanes on Wednesday.",
    ].join("\n");
    const report = await extractReport(new TextEncoder().encode(source), "lanes.md", MAX);
    expect({ title: report.title, byline: report.byline, published: report.published }).toEqual({ title: "Council Approves New Cycle Lanes", byline: undefined, published: undefined });
    const commented = "---\nauthor: |\n  Jane Doe\ntitle: Budget vote # draft, check the figures\ndate: \"2026-11-20\" # the print date\n---\n\nThe council voted on the budget.";
    expect(await extractReport(new TextEncoder().encode(commented), "budget.md", MAX)).toMatchObject({ title: "Budget vote", byline: "Jane Doe", published: "2026-11-20" });
    const hashInQuotes = '---\ntitle: "Budget # 2, revised"\n---\n\nThe council voted on the budget.';
    expect((await extractReport(new TextEncoder().encode(hashInQuotes), "budget.md", MAX)).title).toBe("Budget # 2, revised");
  });

  it("reads a quoted front matter value wrapped onto the next line whole, and a year as written", async () => {
    // The hand-written reader took the first line alone, its opening quote and all: the title was '"Council Approves'.
    const wrapped = '---\ntitle: "Council Approves\n  New Cycle Lanes"\ndate: 2026\n---\n\nThe city council approved three new cycle lanes.';
    expect(await extractReport(new TextEncoder().encode(wrapped), "lanes.md", MAX)).toMatchObject({
      title: "Council Approves New Cycle Lanes",
      published: "2026",
      text: "The city council approved three new cycle lanes.",
    });
  });

  it("reads a front matter block YAML cannot parse as the report's text, without failing the report", async () => {
    // An unquoted colon in a value, an unclosed list: YAML refuses both, as a site generator would.
    for (const block of ["title: Budget: the vote", "tags: [budget, council"]) {
      const source = `---\n${block}\n---\n\nThe council voted on the budget.`;
      const report = await extractReport(new TextEncoder().encode(source), "budget.md", MAX);
      expect(report.text).toContain("The council voted on the budget.");
      expect(report.text).toContain(block.split(":")[0]);
    }
  });

  it("reads front matter of nested aliases (a billion laughs) without expanding them, and its tags as text", async () => {
    // Expanded, ten levels of ten aliases are ten billion values; read off the parsed nodes, they are none.
    const laughs = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let i = 1; i <= 10; i++) laughs.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]`);
    const source = `---\ntitle: !!js/function "function () { return 1 }"\n${laughs.join("\n")}\nauthor: *a10\n---\n\nThe council voted on the budget.`;
    expect(await extractReport(new TextEncoder().encode(source), "budget.md", MAX)).toMatchObject({
      title: "function () { return 1 }",
      byline: undefined,
      text: "The council voted on the budget.",
    });
  });

  it("does not parse a front matter block too long to be one: it is the report's text", async () => {
    // A report can be 2 MB of YAML keys, which took the parser 9 s; a real block is a few dozen lines.
    const keys = Array.from({ length: 2000 }, (_, i) => `tag${i}: council`).join("\n");
    const source = `---\ntitle: Budget vote\n${keys}\n---\n\nThe council voted on the budget.`;
    const report = await extractReport(new TextEncoder().encode(source), "budget.md", MAX);
    expect(report.title).not.toBe("Budget vote");
    expect(report.text).toContain("tag1999: council");
    // Just under the limit, it is front matter.
    const fewer = keys.split("\n").slice(0, 900).join("\n");
    expect(await extractReport(new TextEncoder().encode(`---\ntitle: Budget vote\n${fewer}\n---\n\nThe council voted on the budget.`), "budget.md", MAX)).toMatchObject({
      title: "Budget vote",
      text: "The council voted on the budget.",
    });
  });

  it("takes a block between two rules for front matter only when it names a key: a list or an indented block there is report text", async () => {
    // Any block of "- " or indented lines between a leading "---" and the next was left out of the report unread.
    const list = "---\n- The ferry resumed on Monday.\n- Fares rose by a tenth.\n---\n\nThe harbour board met on Tuesday.";
    expect((await extractReport(new TextEncoder().encode(list), "ferry.md", MAX)).text).toContain("The ferry resumed on Monday.");
    const indented = "---\n    The ferry resumed on Monday.\n---\n\nThe harbour board met on Tuesday.";
    expect((await extractReport(new TextEncoder().encode(indented), "ferry.md", MAX)).text).toContain("The ferry resumed on Monday.");
  });

  it("reads .markdown as Markdown, as Jekyll names its posts", async () => {
    // It was "not a supported report type" when named, and left out of a folder without a word.
    const post = await extractReport(new TextEncoder().encode("# Garden Show\n\nThe **garden show** drew 40,000 visitors."), "garden.markdown", MAX);
    expect(post).toMatchObject({ title: "Garden Show", text: "# Garden Show\n\nThe garden show drew 40,000 visitors." });
  });

  it("refuses a Markdown file with no text once rendered, and keeps .txt as written", async () => {
    await expect(extractReport(new TextEncoder().encode("<!-- nothing -->\n"), "empty.md", MAX)).rejects.toThrow(/^empty\.md: no text once the Markdown is rendered$/);
    const plain = await extractReport(new TextEncoder().encode("**Bold** stays as written in a .txt file."), "note.txt", MAX);
    expect(plain.text).toBe("**Bold** stays as written in a .txt file.");
  });
});
