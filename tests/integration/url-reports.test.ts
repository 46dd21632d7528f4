import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestCommand } from "../../src/cli/ingest-command.js";
import { runCommand } from "../../src/cli/run-main.js";
import { loadConfig } from "../../src/config.js";
import { createEngine } from "../../src/engine.js";
import { ingestWithPages } from "../../src/engine/ingest-pages.js";
import { refreshUrlReports, saveUrlReport, webFolder } from "../../src/engine/url-reports.js";
import { extractReport } from "../../src/formats/read-format.js";
import { addressOf, fetchedFiles, rememberAddress } from "../../src/formats/source-addresses.js";
import { type IngestLock, withIngestLock } from "../../src/index/ingest-lock.js";
import { waitingIngest } from "../helpers/waiting-ingest.js";
import { captureIo } from "../helpers/cli-io.js";
import { makeArticleHtml, makeReportPdf } from "../helpers/report-documents.js";
import { FIRST_REPORT, makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

let ws: Workspace;
let server: http.Server;
let base: string;
const requested: string[] = [];
/** Where the server redirects a path to, when it does (a short link, a moved page). */
const redirects = new Map<string, string>();
/** Pages whose text differs from the usual article, by path. */
const pageTexts = new Map<string, string>();
/** What the server sends instead of the article page, by path: another format of it. */
const served = new Map<string, { type: string; body: string | Uint8Array }>();
/** Something done to the disk while a page is being served. */
let whileServing: (() => void) | undefined;

beforeEach(async () => {
  ws = makeWorkspace({ withFirstReport: false });
  requested.length = 0;
  redirects.clear();
  pageTexts.clear();
  served.clear();
  whileServing = undefined;
  server = http.createServer((req, res) => {
    requested.push(req.url!);
    whileServing?.();
    const to = redirects.get(req.url!);
    if (to !== undefined) return void res.writeHead(302, { location: to }).end();
    const other = served.get(req.url!);
    if (other !== undefined) return void res.writeHead(200, { "content-type": other.type }).end(other.body);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(makeArticleHtml({ extra: pageTexts.get(req.url!) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  ws.cleanup();
});

/** As the ingest reads and writes the web folder's addresses: under the index's write lock. */
const locked = <T>(work: (lock: IngestLock) => Promise<T>) => withIngestLock(ws.config.indexDir, work);

/** `npm run ingest -- <args>` in-process, on captured streams. */
async function ingest(...args: string[]) {
  const io = captureIo({ ...ws.env, LOG_LEVEL: "silent", ALLOW_PRIVATE_URLS: "127.0.0.1" });
  const status = await runCommand((cliIo) => ingestCommand(args, cliIo), io);
  return { status, stdout: io.out(), stderr: io.err() };
}

/** The reports an engine started now holds, and the link its citation of the ferry article's first sentence has. */
async function cited() {
  const engine = await createEngine(loadConfig({ ...ws.env, LOG_LEVEL: "silent", ANSWER_MODE: "extractive" }));
  try {
    const answer = await engine.ask("When will the new ferry terminal open?");
    return { reports: engine.reports().map((r) => r.id), url: answer.citations[0]?.source.url };
  } finally {
    await engine.close();
  }
}

/** An entry written into the web folder's list of addresses, as a hand edit or damage would leave it. */
function addListEntry(name: string, url: string) {
  const list = path.join(webFolder(ws.config), ".sources.json");
  const entries = JSON.parse(readFileSync(list, "utf8")) as Record<string, unknown>;
  entries[name] = { url, fetchedAt: "2026-11-01T00:00:00.000Z" };
  writeFileSync(list, JSON.stringify(entries));
}

const ferryLink = (page: string) => `${base}${page}#:~:text=The%20harbour%20authority%20confirmed,open%20on%203%20March.`;

describe("the citation links of a page fetched through a redirect", () => {
  it("follow the page to where it now is on --refresh, though its text is unchanged", async () => {
    redirects.set("/s/ferry", "/news/ferry-terminal");
    expect((await ingest(`${base}/s/ferry`)).stdout).toMatch(/^added\s+ferry-terminal: /m);
    expect((await cited()).url).toBe(ferryLink("/news/ferry-terminal"));

    // The short link now leads to the same article under another address.
    redirects.set("/s/ferry", "/archive/2026/ferry-terminal");
    const refreshed = await ingest("--refresh");
    expect(refreshed.status).toBe(0);
    // Its links changed, though its text did not.
    expect(refreshed.stdout).toMatch(/^updated\s+ferry-terminal: /m);
    expect(await cited()).toEqual({ reports: ["ferry-terminal"], url: ferryLink("/archive/2026/ferry-terminal") });
    expect((await ingest("--refresh")).stdout).toMatch(/^unchanged ferry-terminal: /m);
  });

  it("stay where the index links while a --refresh that would move them fails, and move with the next one", async () => {
    redirects.set("/s/ferry", "/news/ferry-terminal");
    await ingest(`${base}/s/ferry`);
    redirects.set("/s/ferry", "/archive/2026/ferry-terminal");
    // Another process holds the index's lock: this ingest changes nothing, so what the file says of the page must not.
    const busy = await withIngestLock(ws.config.indexDir, () => ingest("--refresh"));
    expect(busy.stderr).toMatch(/Another ingest is running/);
    expect((await fetchedFiles(webFolder(ws.config))).files).toEqual([
      { file: path.join(webFolder(ws.config), "ferry-terminal.html"), url: `${base}/news/ferry-terminal`, requested: `${base}/s/ferry` },
    ]);
    expect((await ingest("--refresh")).stdout).toMatch(/^updated\s+ferry-terminal: /m);
    expect((await cited()).url).toBe(ferryLink("/archive/2026/ferry-terminal"));
  });

  it("are those of the same report when the address asked for is ingested again after it moved", async () => {
    redirects.set("/s/ferry", "/news/ferry-terminal");
    expect((await ingest(`${base}/s/ferry`)).stdout).toMatch(/^added\s+ferry-terminal: /m);
    // Moved to an address whose last segment would make another report id.
    redirects.set("/s/ferry", "/news/ferry-terminal-opening");
    const again = await ingest(`${base}/s/ferry`);
    expect(again.stderr).toBe("");
    expect(again.stdout).toMatch(/^updated\s+ferry-terminal: /m);
    expect(readdirSync(webFolder(ws.config)).sort()).toEqual([".sources.json", "ferry-terminal.html"]);
    expect(await cited()).toEqual({ reports: ["ferry-terminal"], url: ferryLink("/news/ferry-terminal-opening") });
    // And a refresh fetches it from the address asked for.
    requested.length = 0;
    expect((await ingest("--refresh")).stdout).toMatch(/^unchanged ferry-terminal: /m);
    expect(requested).toEqual(["/s/ferry", "/news/ferry-terminal-opening"]);
  });
});

describe("the citation links of a report fetched by URL in another format", () => {
  it("point to the address it was fetched from: a PDF's with the page, a text file's as it is", async () => {
    served.set("/papers/flood.pdf", { type: "application/pdf", body: await makeReportPdf({ title: "Millbrook Flood" }) });
    served.set("/notices/ferry", { type: "text/plain; charset=utf-8", body: "Ferry notice\n\nThe new ferry terminal will open on 3 April, the harbour authority said. Sailings to the islands will leave from its two berths every hour from six in the morning.\n" });
    const done = await ingest(`${base}/papers/flood.pdf`, `${base}/notices/ferry`);
    expect(done.stderr).toBe("");
    expect(done.status).toBe(0);
    const engine = await createEngine(loadConfig({ ...ws.env, LOG_LEVEL: "silent", ANSWER_MODE: "extractive" }));
    try {
      const shown = async (question: string) => {
        const answer = await engine.ask(question);
        return [...answer.citations, ...answer.related].map((c) => c.source.url);
      };
      expect(await shown("When did the evening shift begin at the fire station?")).toContain(`${base}/papers/flood.pdf#page=1`);
      expect(await shown("When will the new ferry terminal open?")).toContain(`${base}/notices/ferry`);
    } finally {
      await engine.close();
    }
  });
});

describe("ingest --refresh", () => {
  it("does not fetch back a page whose file is gone (a removal whose address outlived it), and forgets its address", async () => {
    const config = loadConfig({ ...ws.env, LOG_LEVEL: "silent", ALLOW_PRIVATE_URLS: "127.0.0.1" });
    const web = webFolder(config);
    mkdirSync(web);
    const kept = path.join(web, "ferry-terminal.html");
    writeFileSync(kept, makeArticleHtml());
    await rememberAddress(kept, `${base}/news/ferry-terminal`);
    // As a removal leaves it when forgetting the address fails, or the process dies, after the swap.
    const removed = path.join(web, "harbour-works.html");
    await rememberAddress(removed, `${base}/news/harbour-works`);

    const refreshed = await locked((lock) => refreshUrlReports(config, lock));
    expect(refreshed).toEqual({ changed: [], unchanged: [kept], skipped: [] });
    expect(requested).toEqual(["/news/ferry-terminal"]);
    expect(existsSync(removed)).toBe(false);
    expect(await addressOf(removed)).toBeUndefined();
    expect(await addressOf(kept)).toBe(`${base}/news/ferry-terminal`);
  });

  it("fetches the address the user gave, not where it redirected to last time, and every hop still passes the address policy", async () => {
    const config = loadConfig({ ...ws.env, LOG_LEVEL: "silent", ALLOW_PRIVATE_URLS: "127.0.0.1" });
    redirects.set("/latest/ferry", "/news/ferry-2026-02");
    pageTexts.set("/news/ferry-2026-03", "<p>The opening was moved to April.</p>");
    const saved = await locked((lock) => saveUrlReport(`${base}/latest/ferry`, config, lock));
    // Citations link to where the text is.
    expect(await addressOf(saved.path)).toBe(`${base}/news/ferry-2026-02`);

    // What the user asked for now leads elsewhere: the refresh follows it there, and the links go there too.
    redirects.set("/latest/ferry", "/news/ferry-2026-03");
    requested.length = 0;
    const refreshed = await locked((lock) => refreshUrlReports(config, lock));
    expect(requested).toEqual(["/latest/ferry", "/news/ferry-2026-03"]);
    expect(refreshed.changed.map((c) => c.path)).toEqual([saved.path]);
    expect(await addressOf(saved.path)).toBe(`${base}/news/ferry-2026-03`);

    // A redirect to an address the policy refuses is refused on a refresh as on the first fetch; the page is kept.
    redirects.set("/latest/ferry", "http://10.0.0.1/news/ferry");
    requested.length = 0;
    const refused = await locked((lock) => refreshUrlReports(config, lock));
    expect(requested).toEqual(["/latest/ferry"]);
    expect(refused.skipped).toEqual([{ file: `${base}/latest/ferry`, reason: expect.stringMatching(/10\.0\.0\.1.*\(kept the version fetched before\)$/) }]);
    expect(await addressOf(saved.path)).toBe(`${base}/news/ferry-2026-03`);
  });
});

describe("ingest --refresh of a changed page", () => {
  it("leaves the page as it was when where it now is cannot be remembered", async () => {
    const config = loadConfig({ ...ws.env, LOG_LEVEL: "silent", ALLOW_PRIVATE_URLS: "127.0.0.1" });
    const saved = await locked((lock) => saveUrlReport(`${base}/news/ferry-terminal`, config, lock));
    const before = readFileSync(saved.path, "utf8");
    pageTexts.set("/news/ferry-terminal", "<p>The opening was moved to April.</p>");
    // The list of addresses turns into a folder while the page is fetched: the save succeeds, remembering fails.
    const sources = path.join(webFolder(config), ".sources.json");
    whileServing = () => {
      rmSync(sources);
      mkdirSync(path.join(sources, "in-the-way"), { recursive: true });
    };
    await expect(locked((lock) => refreshUrlReports(config, lock))).rejects.toMatchObject({ code: "EISDIR" });
    // Not the new text under links to where the old one was.
    expect(readFileSync(saved.path, "utf8")).toBe(before);
  });
});

describe("saving a page fetched by URL", () => {
  it("saves the address asked for again over its report wherever it now leads, and a rollback puts back where it was", async () => {
    const config = loadConfig({ ...ws.env, LOG_LEVEL: "silent", ALLOW_PRIVATE_URLS: "127.0.0.1" });
    redirects.set("/s/ferry", "/news/ferry-terminal");
    const first = await locked((lock) => saveUrlReport(`${base}/s/ferry`, config, lock));
    redirects.set("/s/ferry", "/news/ferry-terminal-opening");
    pageTexts.set("/news/ferry-terminal-opening", "<p>The opening was moved to April.</p>");
    const update = await locked((lock) => saveUrlReport(`${base}/s/ferry`, config, lock));
    expect(update.path).toBe(first.path);
    expect(await addressOf(first.path)).toBe(`${base}/news/ferry-terminal-opening`);
    // The ingest refused the new version: the old text is back, and so is the address its links use.
    await update.rollback();
    expect(readFileSync(first.path, "utf8")).toBe(makeArticleHtml());
    expect((await fetchedFiles(webFolder(config))).files).toEqual([{ file: first.path, url: `${base}/news/ferry-terminal`, requested: `${base}/s/ferry` }]);
  });

  it("saves a page now sent in another format as that format over its old file, and a rollback puts the old one back", async () => {
    const config = loadConfig({ ...ws.env, LOG_LEVEL: "silent", ALLOW_PRIVATE_URLS: "127.0.0.1" });
    const first = await locked((lock) => saveUrlReport(`${base}/news/ferry-terminal`, config, lock));
    served.set("/news/ferry-terminal", { type: "text/plain", body: "The new ferry terminal will open on 3 April.\n" });
    const update = await locked((lock) => saveUrlReport(`${base}/news/ferry-terminal`, config, lock));
    expect(path.basename(update.path)).toBe("ferry-terminal.txt");
    expect(readdirSync(webFolder(config)).sort()).toEqual([".sources.json", "ferry-terminal.txt"]);
    await locked(() => update.rollback());
    expect(readdirSync(webFolder(config)).sort()).toEqual([".sources.json", "ferry-terminal.html"]);
    expect(readFileSync(first.path, "utf8")).toBe(makeArticleHtml());
    expect((await fetchedFiles(webFolder(config))).files).toEqual([{ file: first.path, url: `${base}/news/ferry-terminal`, requested: `${base}/news/ferry-terminal` }]);
  });

  it("saves a page now sent in another format when the old format's file is gone, its address outliving it", async () => {
    const config = loadConfig({ ...ws.env, LOG_LEVEL: "silent", ALLOW_PRIVATE_URLS: "127.0.0.1" });
    const first = await locked((lock) => saveUrlReport(`${base}/news/ferry-terminal`, config, lock));
    rmSync(first.path);
    served.set("/news/ferry-terminal", { type: "text/plain", body: "The new ferry terminal will open on 3 April.\n" });
    // The save failed on the old file it meant to replace, and left the new one in the folder without its address.
    const update = await locked((lock) => saveUrlReport(`${base}/news/ferry-terminal`, config, lock));
    expect(readdirSync(webFolder(config)).sort()).toEqual([".sources.json", "ferry-terminal.txt"]);
    expect((await fetchedFiles(webFolder(config))).files).toEqual([{ file: update.path, url: `${base}/news/ferry-terminal`, requested: `${base}/news/ferry-terminal` }]);
    await locked(() => update.rollback());
    expect(readdirSync(webFolder(config)).sort()).toEqual([".sources.json"]);
  });

  it("forgets the address of a new page that takes a hashed name when its save is rolled back, and keeps the other's", async () => {
    const config = loadConfig({ ...ws.env, LOG_LEVEL: "silent", ALLOW_PRIVATE_URLS: "127.0.0.1" });
    const first = await locked((lock) => saveUrlReport(`${base}/news/ferry-terminal`, config, lock));
    // Another address whose last segment would give the same report id: a new page, under a name with a short hash.
    const second = await locked((lock) => saveUrlReport(`${base}/other/ferry-terminal`, config, lock));
    expect(path.basename(second.path)).toMatch(/^ferry-terminal-[0-9a-f]{6}\.html$/);
    await second.rollback();
    expect(existsSync(second.path)).toBe(false);
    expect((await fetchedFiles(webFolder(config))).files).toEqual([{ file: first.path, url: `${base}/news/ferry-terminal`, requested: `${base}/news/ferry-terminal` }]);
  });
});

describe("pages an ingest of addresses puts back", () => {
  const config = () => loadConfig({ ...ws.env, LOG_LEVEL: "silent", ALLOW_PRIVATE_URLS: "127.0.0.1" });
  const pages = () => (existsSync(webFolder(ws.config)) ? readdirSync(webFolder(ws.config)).filter((f) => f !== ".sources.json") : []);

  it("include the pages saved before a later one could not be fetched, when that stops the ingest", async () => {
    served.set("/papers/figures.csv", { type: "text/csv", body: "a,b\n1,2\n" });
    const never = () => Promise.reject(new Error("the ingest was not to run"));
    await expect(locked((lock) => ingestWithPages([`${base}/news/ferry-terminal`, `${base}/papers/figures.csv`], config(), lock, never, { failOnFetch: true }))).rejects.toMatchObject({
      code: "URL_REFUSED",
    });
    // The first page stayed, with its address: the next ingest of the corpus read it as a report no one added.
    expect(pages()).toEqual([]);
    expect((await fetchedFiles(webFolder(ws.config))).files).toEqual([]);
  });

  it("put a page given twice and refused back to what the first save found", async () => {
    served.set("/papers/broken.pdf", { type: "application/pdf", body: "%PDF-1.4\nnot a PDF after all\n" });
    const twice = await ingest(`${base}/papers/broken.pdf`, `${base}/papers/broken.pdf`);
    expect(twice.status).toBe(1);
    // Put back first saved first, the second save's rollback wrote the first's page and address back.
    expect(pages()).toEqual([]);
    expect((await fetchedFiles(webFolder(ws.config))).files).toEqual([]);
  });

  it("are each tried when one cannot be put back, and the ingest still fails", async () => {
    const failed = new Error("the ingest failed");
    const run = async () => {
      // Something in the way of the second page's removal (a folder with a file where the page was).
      const second = path.join(webFolder(ws.config), "harbour-works.html");
      rmSync(second);
      mkdirSync(second);
      writeFileSync(path.join(second, "notes.txt"), "in the way");
      throw failed;
    };
    await expect(locked((lock) => ingestWithPages([`${base}/news/ferry-terminal`, `${base}/news/harbour-works`], config(), lock, run))).rejects.toBeDefined();
    // The second page's rollback threw, and the first page was never put back. The second, in the way, keeps its address.
    expect(pages()).toEqual(["harbour-works.html"]);
    expect((await fetchedFiles(webFolder(ws.config))).files.map((f) => path.basename(f.file))).toEqual(["harbour-works.html"]);
  });
});

describe("a page fetched by URL that the ingest refuses", () => {
  it("is named on its skipped line by the address typed, not by the file it was saved as for a moment", async () => {
    served.set("/papers/picture.html", { type: "text/html", body: "\u0089PNG\r\n\u001a\n\u0000\u0000" });
    const refused = await ingest(`${base}/papers/picture.html`);
    expect(refused.status).toBe(1);
    // It was "skipped   picture.html: …", a file nobody named, which is not in the corpus folder either.
    expect(refused.stderr).toBe(`skipped   ${base}/papers/picture.html: binary file (contains NUL bytes)\n`);
    const json = await ingest("--json", `${base}/papers/picture.html`);
    expect(json.stdout.trim().split("\n").map((l) => JSON.parse(l)).filter((l) => l.skipped !== undefined)).toEqual([
      { skipped: { file: `${base}/papers/picture.html`, reason: `${base}/papers/picture.html: binary file (contains NUL bytes)` } },
    ]);
  });
});

describe("a page added from chat that the ingest refuses", () => {
  it("is rolled back before another ingest can take the lock: none sees it in the web folder, and nothing is left behind", async () => {
    copyFileSync(FIRST_REPORT, path.join(ws.corpusDir, path.basename(FIRST_REPORT)));
    // A PDF by its first bytes, which the ingest (in its child process) cannot read.
    served.set("/papers/broken.pdf", { type: "application/pdf", body: "%PDF-1.4\nnot a PDF after all\n" });
    const page = path.join(webFolder(ws.config), "broken.pdf");
    const engine = await createEngine(loadConfig({ ...ws.env, LOG_LEVEL: "silent", ANSWER_MODE: "extractive", ALLOW_PRIVATE_URLS: "127.0.0.1" }));
    // Another process's ingest, waiting for the lock from the moment the page is saved.
    const other = waitingIngest(ws.config.indexDir, page, () => (existsSync(webFolder(ws.config)) ? readdirSync(webFolder(ws.config)).sort() : []));
    try {
      await expect(engine.addUrlReport(`${base}/papers/broken.pdf`)).rejects.toMatchObject({
        code: "BAD_REPORT",
        // Named by the address given, as the refusal of a page that could not be fetched is.
        message: expect.stringContaining(`The report was not ingested: ${base}/papers/broken.pdf: `),
      });
    } finally {
      await other.done();
      await engine.close();
    }
    expect(other.seen).toEqual([[]]);
    expect(existsSync(page)).toBe(false);
    expect((await fetchedFiles(webFolder(ws.config))).files).toEqual([]);
  });
});

describe("the web folder's addresses (.sources.json)", () => {
  it("are read and written under the ingest's lock: no page is fetched into the corpus while another process holds it", async () => {
    const busy = await withIngestLock(ws.config.indexDir, () => ingest(`${base}/news/ferry-terminal`));
    expect(busy.stderr).toMatch(/Another ingest is running/);
    expect(requested).toEqual([]);
    expect(existsSync(webFolder(ws.config))).toBe(false);

    copyFileSync(FIRST_REPORT, path.join(ws.corpusDir, path.basename(FIRST_REPORT)));
    const engine = await createEngine(loadConfig({ ...ws.env, LOG_LEVEL: "silent", ANSWER_MODE: "extractive", ALLOW_PRIVATE_URLS: "127.0.0.1" }));
    try {
      await withIngestLock(ws.config.indexDir, () => expect(engine.addUrlReport(`${base}/news/ferry-terminal`)).rejects.toMatchObject({ code: "BUSY" }));
    } finally {
      await engine.close();
    }
    expect(requested).toEqual([]);
  });

  it("refuse in one line an entry that names no plain file of the web folder, and --refresh writes nothing there", async () => {
    expect((await ingest(`${base}/news/ferry-terminal`)).status).toBe(0);
    // Edited by hand, or damaged: a refresh would have saved the page over a file outside the corpus folder.
    const outside = path.join(ws.root, "outside.html");
    writeFileSync(outside, "not a report");
    addListEntry("../../outside.html", `${base}/news/harbour-works`);
    requested.length = 0;

    const refreshed = await ingest("--refresh");
    expect(refreshed.status).toBe(1);
    expect(refreshed.stderr).toBe(
      'skipped   web/.sources.json in the corpus folder: the entry "../../outside.html" is not the name of a file in its folder, so it was not fetched (fix or remove it)\n',
    );
    expect(refreshed.stdout).toMatch(/^unchanged ferry-terminal: /m);
    expect(requested).toEqual(["/news/ferry-terminal"]);
    expect(readFileSync(outside, "utf8")).toBe("not a report");
  });
});

describe("an entry of .sources.json that names a file of no report type", () => {
  it("is refused in one line, and --refresh neither fetches its page nor replaces the file", async () => {
    expect((await ingest(`${base}/news/ferry-terminal`)).status).toBe(0);
    // A spreadsheet kept beside the pages, named in the list by hand: the page, fetched as HTML, was saved as
    // figures.html in place of the spreadsheet, which was deleted as the same report in its old format.
    const figures = path.join(webFolder(ws.config), "figures.csv");
    writeFileSync(figures, "year,budget\n2026,12\n");
    addListEntry("figures.csv", `${base}/news/harbour-works`);
    requested.length = 0;

    const refreshed = await ingest("--refresh");
    expect(refreshed.status).toBe(1);
    expect(refreshed.stderr).toBe(
      'skipped   web/.sources.json in the corpus folder: the entry "figures.csv" is not the name of a report file, so it was not fetched (fix or remove it)\n',
    );
    expect(requested).toEqual(["/news/ferry-terminal"]);
    expect(readdirSync(webFolder(ws.config)).sort()).toEqual([".sources.json", "ferry-terminal.html", "figures.csv"]);
    expect(readFileSync(figures, "utf8")).toBe("year,budget\n2026,12\n");
  });
});

describe("a damaged list of addresses (.sources.json)", () => {
  it("is refused in one line by every use, and never written over: no address is lost, no report loses its links", async () => {
    expect((await ingest(`${base}/news/ferry-terminal`)).status).toBe(0);
    const list = path.join(webFolder(ws.config), ".sources.json");
    // A merge conflict in a corpus kept in git: read as an empty list, the next page saved wrote it anew.
    const damaged = `<<<<<<< HEAD\n${readFileSync(list, "utf8")}=======\n{}\n>>>>>>> theirs\n`;
    writeFileSync(list, damaged);
    const why = "web/.sources.json is damaged (not the JSON Dossier writes): fix it, or delete it to forget the address of every page fetched into web/";

    requested.length = 0;
    const another = await ingest(`${base}/news/harbour-works`);
    expect(another.status).toBe(1);
    expect(another.stderr).toMatch(/^dossier: \S+\/web\/\.sources\.json is damaged \(Unexpected token .*\): fix it, or delete it .*; no page was fetched\n$/);
    const refreshed = await ingest("--refresh");
    expect(refreshed.status).toBe(1);
    expect(refreshed.stderr).toMatch(/^dossier: \S+\/web\/\.sources\.json is damaged \(Unexpected token .*\): fix it, or delete it .*; no page was fetched again\n$/);
    expect(requested).toEqual([]);
    // Read without its address, the page's report would lose its links: it is refused, and kept as it was.
    const corpus = await ingest();
    expect(corpus.status).toBe(1);
    expect(corpus.stderr).toBe(`skipped   ferry-terminal.html: its address is unknown, since ${why}\n`);
    expect(await cited()).toEqual({ reports: ["ferry-terminal"], url: ferryLink("/news/ferry-terminal") });
    expect(readFileSync(list, "utf8")).toBe(damaged);
    expect(readdirSync(webFolder(ws.config)).sort()).toEqual([".sources.json", "ferry-terminal.html"]);

    // Valid JSON that is not a list of addresses is no list either.
    writeFileSync(list, "[]\n");
    expect((await ingest(`${base}/news/harbour-works`)).stderr).toMatch(/^dossier: \S+\/web\/\.sources\.json is damaged \(not a JSON object\): fix it, or delete it .*; no page was fetched\n$/);
    expect(readFileSync(list, "utf8")).toBe("[]\n");
  });
});

describe("a damaged list of addresses with several pages in the web folder", () => {
  it("is said once, in one line, by an ingest of the corpus, of several addresses, and by --refresh, which then stop", async () => {
    for (const page of ["ferry-terminal", "harbour-works", "pier-repairs"]) expect((await ingest(`${base}/news/${page}`)).status).toBe(0);
    const list = path.join(webFolder(ws.config), ".sources.json");
    // Short enough that the parser quotes all of it, newlines included, in what it says of it.
    writeFileSync(list, "<<<<<<< HEAD\n{}\n");
    const why = "web/.sources.json is damaged (not the JSON Dossier writes): fix it, or delete it to forget the address of every page fetched into web/";
    requested.length = 0;

    const corpus = await ingest();
    expect(corpus.status).toBe(1);
    expect(corpus.stderr).toBe(`skipped   3 pages in web/ (ferry-terminal.html, harbour-works.html, pier-repairs.html): their addresses are unknown, since ${why}\n`);
    const several = await ingest(`${base}/news/quay-lights`, `${base}/news/dock-gates`);
    expect(several.status).toBe(1);
    expect(several.stderr).toMatch(/^dossier: \S+\/web\/\.sources\.json is damaged \(Unexpected token .*\): fix it, or delete it .*; no page was fetched\n$/);
    const refreshed = await ingest("--refresh");
    expect(refreshed.status).toBe(1);
    expect(refreshed.stderr).toMatch(/^dossier: \S+\/web\/\.sources\.json is damaged \(Unexpected token .*\): fix it, or delete it .*; no page was fetched again\n$/);
    expect(requested).toEqual([]);
    expect(readdirSync(webFolder(ws.config)).sort()).toEqual([".sources.json", "ferry-terminal.html", "harbour-works.html", "pier-repairs.html"]);
  });
});

describe("a page whose address now serves another format", () => {
  it("updates its report, given again or on --refresh, instead of making a second one", async () => {
    expect((await ingest(`${base}/news/ferry-terminal`)).stdout).toMatch(/^added\s+ferry-terminal: /m);
    // The same address now sends the article as plain text.
    served.set("/news/ferry-terminal", { type: "text/plain; charset=utf-8", body: "# Ferry terminal\n\nThe new ferry terminal will open on 3 April, the harbour authority said, a month later than it had promised when the building work began.\n" });
    const again = await ingest(`${base}/news/ferry-terminal`);
    expect(again.stderr).toBe("");
    expect(again.stdout).toMatch(/^updated\s+ferry-terminal: /m);
    expect(readdirSync(webFolder(ws.config)).sort()).toEqual([".sources.json", "ferry-terminal.txt"]);
    expect((await fetchedFiles(webFolder(ws.config))).files.map((f) => path.basename(f.file))).toEqual(["ferry-terminal.txt"]);
    expect((await cited()).reports).toEqual(["ferry-terminal"]);

    // And back to a web page, found by a refresh.
    served.clear();
    const refreshed = await ingest("--refresh");
    expect(refreshed.stderr).toBe("");
    expect(refreshed.stdout).toMatch(/^updated\s+ferry-terminal: /m);
    expect(readdirSync(webFolder(ws.config)).sort()).toEqual([".sources.json", "ferry-terminal.html"]);
    expect(await cited()).toEqual({ reports: ["ferry-terminal"], url: ferryLink("/news/ferry-terminal") });
  });
});

describe("a page whose encoding only its server names", () => {
  it("is read in that encoding from the file it was saved as, again on --refresh, where the server's header is gone", async () => {
    // windows-1252 bytes (0x92 ’, 0x80 €, 0x93 “, 0x94 ”), the page naming no encoding, the header ISO-8859-1.
    const html = makeArticleHtml({ extra: "<p>The council\x92s offer of \x80500 a shop was called \x93too little\x94 by traders.</p>" }).replace('<meta charset="utf-8">', "");
    served.set("/news/relief", { type: "text/html; charset=ISO-8859-1", body: Uint8Array.from(html, (c) => c.charCodeAt(0)) });
    const out = await ingest(`${base}/news/relief`);
    expect(out).toMatchObject({ status: 0, stderr: "" });
    const saved = readFileSync(path.join(webFolder(ws.config), "relief.html"));
    const report = await extractReport(saved, "relief.html", ws.config.maxReportBytes);
    expect(report.text).toContain("The council’s offer of €500 a shop was called “too little” by traders.");
    expect((await ingest("--refresh")).stdout).toMatch(/^unchanged\s+relief: /m);
  });
});
