import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readReport, reportIdFromPath } from "../../../src/index/read-report.js";

const dir = mkdtempSync(path.join(tmpdir(), "dossier-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe("readReport", () => {
  it("takes the id from the file name and the title from a leading # line", async () => {
    const r = await readReport(file("Border Talks.md", "# Border talks resume\n\nThey resumed today in Geneva after a pause of six weeks, both delegations saying they hoped to agree on a ceasefire line within a month."), 1000);
    expect(r.id).toBe("border-talks");
    expect(r.title).toBe("Border talks resume");
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("derives a title from the id when there is no heading, and normalises CRLF", async () => {
    const r = await readReport(file("trade-deal.txt", "A deal was signed.\r\nIt holds, both sides said on Friday, though the border crossings it was meant to reopen are still closed to lorries."), 1000);
    expect(r.title).toBe("Trade Deal");
    expect(r.text).toBe("A deal was signed.\nIt holds, both sides said on Friday, though the border crossings it was meant to reopen are still closed to lorries.");
  });

  it.each([
    ["empty.txt", "  \n", /empty file/],
    ["binary.txt", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]), /binary/],
    ["latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]), /not valid UTF-8/],
    ["big.txt", "x".repeat(2000), /over the 1000-byte limit/],
    ["notes.pdf", "hello", /notes\.pdf: not a PDF file/],
    ["notes.exe", "hello", /notes\.exe: not a supported report type/],
    // Too little text to answer from: a page that only greets, one a script was to fill, a one-line note.
    ["hi.html", "<!doctype html><html><body><p>Hi</p></body></html>", /^hi\.html: too little text to answer questions from \(1 word; a report needs at least 20\)$/],
    ["app.html", '<!doctype html><html><body><div id="root">Loading…</div><script src="/app.js"></script></body></html>', /^app\.html: too little text to answer questions from \(1 word;/],
    ["note.txt", "# Road closed\n\nPolice closed the coast road on Tuesday.", /^note\.txt: too little text to answer questions from \(7 words;/],
  ])("rejects %s with a one-line reason", async (name, content, reason) => {
    await expect(readReport(file(name, content), 1000)).rejects.toThrow(reason);
  });

  it("counts the words of a report written without spaces, and takes a short one that has enough", async () => {
    // Two sentences of a news brief (30 words as Unicode splits them): "\p{L}+" would count four.
    const brief = "北京市政府周二宣布，将在明年春季开放三条新的地铁线路。官员表示，新线路将连接机场和市中心，每天可运送约五十万名乘客。";
    expect((await readReport(file("地铁.txt", brief), 1000)).text).toBe(brief);
    // Twenty words, the floor.
    const english = "Police closed the coast road near Carrick on Tuesday after a landslide. Engineers expect it to reopen by the weekend.";
    expect((await readReport(file("landslide.txt", english), 1000)).text).toBe(english);
  });

  it("takes a web page's own title, without the site's name the browser tab shows", async () => {
    const page = (head: string, body: string) =>
      `<!doctype html><html><head><meta charset="utf-8">${head}</head><body><header><a href="/">Home</a></header><article>${body}` +
      "<p>The town council voted on Tuesday night to approve a budget of twelve million pounds for the coming year, after a long debate.</p>" +
      "<p>Councillors agreed to spend more on road repairs and the library, while the swimming pool will close for two months to save money.</p>" +
      "</article></body></html>";
    const title = async (name: string, html: string) => (await readReport(file(name, html), 100_000)).title;
    // The site's name as the page gives it.
    expect(await title("gazette.html", page('<title>Council votes on budget | The Lowmere Gazette</title><meta property="og:site_name" content="The Lowmere Gazette">', ""))).toBe("Council votes on budget");
    // The page's main heading, before an en dash.
    expect(await title("coastal.html", page("<title>Harbour wall to be rebuilt – Coastal Times</title>", "<h1>Harbour wall to be rebuilt</h1>"))).toBe("Harbour wall to be rebuilt");
    // The host's name, for a saved page that says where it was.
    expect(await title("bridge.html", page('<title>Bridge reopens - Example News</title><link rel="canonical" href="https://www.examplenews.com/2026/bridge">', ""))).toBe("Bridge reopens");
    // og:title, which Readability prefers, loses the site's name too.
    expect(await title("og.html", page('<title>x</title><meta property="og:title" content="Pool to close for summer · Lowmere Gazette"><meta property="og:site_name" content="Lowmere Gazette">', ""))).toBe("Pool to close for summer");
    // A logo in an <h1> of the page's header is not its heading: the title was the site's name. With nothing to tell
    // which part is the site's, the title is kept whole.
    expect(await title("logo.html", page("<title>The Lowmere Gazette | Council votes on budget</title>", "").replace("<header>", "<header><h1>The Lowmere Gazette</h1>"))).toBe("The Lowmere Gazette | Council votes on budget");
    // A last part that is not the site's name is the title's own.
    expect(await title("part.html", page("<title>Budget 2026 - Part 2</title>", ""))).toBe("Budget 2026 - Part 2");
  });

  it("makes ids safe for commands and paths", () => {
    expect(reportIdFromPath("/x/Ça va? Report (2).TXT")).toBe("ça-va-report-2");
    expect(reportIdFromPath("/x/東京 速報.md")).toBe("東京-速報");
  });
});
