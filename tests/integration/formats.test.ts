import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestCommand } from "../../src/cli/ingest-command.js";
import { removeCommand } from "../../src/cli/remove-command.js";
import { runCommand, type CliIo } from "../../src/cli/run-main.js";
import { loadConfig } from "../../src/config.js";
import { createEngine } from "../../src/engine.js";
import type { Engine } from "../../src/engine-types.js";
import { extractReport } from "../../src/formats/read-format.js";
import { readGeneration } from "../../src/index/index-files.js";
import { SearchIndex } from "../../src/retrieval/search-index.js";
import { captureIo } from "../helpers/cli-io.js";
import { makeArticleHtml, makeReportDocx, makeReportPdf } from "../helpers/report-documents.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

/**
 * PDF, Word and HTML reports from the corpus folder, and a web page ingested by URL from a local server, each
 * answerable with verbatim citations that point back into the original (page, or a link to the sentence).
 */
let ws: Workspace;
let server: http.Server;
let base: string;
let engine: Engine | undefined;
let article = makeArticleHtml();

/** Runs a command in-process on captured streams, as its entry point does. */
async function run(command: (args: string[], io: CliIo) => Promise<number | void>, args: string[], env: Record<string, string> = {}) {
  const io = captureIo({ ...ws.env, LOG_LEVEL: "silent", ALLOW_PRIVATE_URLS: "127.0.0.1", ...env });
  const status = await runCommand((cliIo) => command(args, cliIo), io);
  return { status, stdout: io.out(), stderr: io.err() };
}

beforeAll(async () => {
  ws = makeWorkspace({ withFirstReport: false });
  writeFileSync(path.join(ws.corpusDir, "millbrook-flood.pdf"), await makeReportPdf({ title: "Millbrook flood: the first night" }));
  writeFileSync(path.join(ws.corpusDir, "storm-damage.docx"), await makeReportDocx());
  writeFileSync(path.join(ws.corpusDir, "saved-page.html"), makeArticleHtml({ canonical: "https://news.example/saved" }).replace(/ferry terminal/g, "ferry museum"));
  server = http.createServer((req, res) => {
    if (req.url === "/news/ferry-terminal") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(article);
    else if (req.url === "/go") res.writeHead(302, { location: "/news/ferry-terminal" }).end();
    else if (req.url === "/leak") res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await engine?.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  ws.cleanup();
});

const webFiles = () => (existsSync(path.join(ws.corpusDir, "web")) ? readdirSync(path.join(ws.corpusDir, "web")) : []);

describe("ingest of PDF, Word, HTML and a URL", () => {
  it("refuses a URL on a private address when the setting is off, and a redirect to cloud metadata when on, writing nothing", async () => {
    const off = await run(ingestCommand, [`${base}/go`], { ALLOW_PRIVATE_URLS: "" });
    expect(off.status).toBe(1);
    expect(off.stderr).toMatch(/^skipped\s+http:\/\/127\.0\.0\.1:\d+\/go: 127\.0\.0\.1 is a loopback address \(127\.0\.0\.1\), not a public one; refused$/m);
    const leak = await run(ingestCommand, [`${base}/leak`]);
    expect(leak.status).toBe(1);
    expect(leak.stderr).toMatch(/169\.254\.169\.254 is a link-local address/);
    expect(webFiles()).toEqual([]);
  });

  it("names the path in the way when a fetched page cannot be saved, and leaves nothing of it behind", async () => {
    const corpus = path.join(ws.root, "blocked-corpus");
    mkdirSync(corpus);
    writeFileSync(path.join(corpus, "web"), "");
    const elsewhere = { CORPUS_DIR: corpus, DATA_DIR: path.join(ws.root, "blocked-data") };
    const fileInTheWay = await run(ingestCommand, [`${base}/go`], elsewhere);
    expect(fileInTheWay.status).toBe(1);
    expect(fileInTheWay.stderr).toBe(`skipped   ${base}/news/ferry-terminal: could not be saved (web in the corpus folder: a file is in the way)\n`);
    rmSync(path.join(corpus, "web"));
    mkdirSync(path.join(corpus, "web", ".sources.json"), { recursive: true });
    const folderInTheWay = await run(ingestCommand, [`${base}/go`], elsewhere);
    // Said once for every page, before any is fetched.
    expect(folderInTheWay.stderr).toBe("dossier: web/.sources.json in the corpus folder: a folder is where a file should be; no page was fetched\n");
    // Neither the page (which, without its address, a later ingest would take for a plain file) nor a temporary file.
    expect(readdirSync(path.join(corpus, "web"))).toEqual([".sources.json"]);
  });

  it("ingests every format in the corpus and a page by URL (through a redirect), with the documents' own titles", async () => {
    const out = await run(ingestCommand, [ws.corpusDir, `${base}/go`]);
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    for (const id of ["millbrook-flood", "storm-damage", "saved-page", "ferry-terminal"]) expect(out.stdout).toMatch(new RegExp(`^added\\s+${id}: `, "m"));
    expect(webFiles().sort()).toEqual([".sources.json", "ferry-terminal.html"]);
    expect(JSON.parse(readFileSync(path.join(ws.corpusDir, "web", ".sources.json"), "utf8"))["ferry-terminal.html"].url).toBe(`${base}/news/ferry-terminal`);
  });

  it("keeps the byline a page states, which Readability takes out of the article, as its first sentence, once", async () => {
    const index = new SearchIndex(await readGeneration(ws.config.indexDir));
    const sentences = index.sentencesOf("ferry-terminal").map((s) => s.sentence.text);
    expect(sentences[0]).toBe("By Ana Lopes");
    expect(sentences.filter((s) => s.includes("Ana Lopes"))).toHaveLength(1);
  });

  it("answers from each with verbatim citations that point back into the original", async () => {
    engine = await createEngine(loadConfig({ ...ws.env, LOG_LEVEL: "silent", ANSWER_MODE: "extractive" }));
    expect(Object.fromEntries(engine.reports().map((r) => [r.id, r.title]))).toMatchObject({
      "millbrook-flood": "Millbrook flood: the first night",
      "storm-damage": "Storm Damage Assessment",
      "ferry-terminal": "Ferry terminal to open in March",
    });
    const cite = async (question: string, reportId: string) => {
      const answer = await engine!.ask(question, { reportIds: [reportId] });
      expect(answer.abstained, question).toBe(false);
      const c = answer.citations[0]!;
      const file = reportId === "ferry-terminal" ? path.join(ws.corpusDir, "web", "ferry-terminal.html") : readdirSync(ws.corpusDir).map((f) => path.join(ws.corpusDir, f)).find((f) => path.basename(f).startsWith(reportId))!;
      const extracted = await extractReport(readFileSync(file), path.basename(file), 2_000_000);
      expect(extracted.text.slice(c.start, c.end)).toBe(c.text);
      return c;
    };

    const mayor = await cite("Who declared a local emergency?", "millbrook-flood");
    expect(mayor.text).toBe("The mayor, Ruth Okafor, declared a local emergency at noon.");
    expect(mayor.source).toEqual({ kind: "pdf", page: 1 });
    const breach = await cite("How many streets did the breach near the railway bridge let water into?", "millbrook-flood");
    expect(breach.source).toEqual({ kind: "pdf", page: 2 });
    const sandbags = await cite("How many sandbags did volunteers fill?", "millbrook-flood");
    expect(sandbags.text).toContain("before the evening shift began at the fire station");

    const boats = await cite("How many fishing boats did the storm destroy?", "storm-damage");
    expect(boats).toMatchObject({ text: "The storm destroyed nine fishing boats in the north harbour on Tuesday night.", source: { kind: "docx" } });

    const ferry = await cite("When will the new ferry terminal open?", "ferry-terminal");
    expect(ferry.text).toBe("The harbour authority confirmed that the new ferry terminal will open on 3 March.");
    expect(ferry.source).toEqual({
      kind: "web",
      url: `${base}/news/ferry-terminal#:~:text=The%20harbour%20authority%20confirmed,open%20on%203%20March.`,
    });
    const saved = await cite("When will the new ferry museum open?", "saved-page");
    expect(saved.source.url).toMatch(/^https:\/\/news\.example\/saved#:~:text=/);
  });

  it("--refresh fetches URL reports again: unchanged pages are not re-embedded, changed ones are", async () => {
    const same = await run(ingestCommand, ["--refresh"]);
    expect(same.status).toBe(0);
    expect(same.stdout).toMatch(/^unchanged ferry-terminal: /m);
    article = makeArticleHtml({ extra: "<p>A second quay will be built on the east side of the harbour by the year 2030.</p>" });
    const changed = await run(ingestCommand, ["--refresh", "--json"]);
    expect(changed.status).toBe(0);
    const lines = changed.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0].report).toMatchObject({ id: "ferry-terminal", status: "updated" });
    // A report that was embedded again took a measured time; its line gives it in whole milliseconds, as the summary does.
    expect(Number.isInteger(lines[0].report.ms) && lines[0].report.ms > 0).toBe(true);
    expect(lines.at(-1).summary).toMatchObject({ updated: 1, skipped: 0 });
  });

  it("--refresh refuses a page that now has too little text to answer from, and keeps the version fetched before", async () => {
    const saved = readFileSync(path.join(ws.corpusDir, "web", "ferry-terminal.html"));
    const kept = article;
    // The site now sends a page whose article a script writes in the reader's browser.
    article = '<!doctype html><html><head><title>Harbour News</title></head><body><div id="root">Loading…</div><script src="/app.js"></script></body></html>';
    try {
      const refreshed = await run(ingestCommand, ["--refresh"]);
      expect(refreshed.status).toBe(1);
      expect(refreshed.stderr).toBe("skipped   ferry-terminal.html: too little text to answer questions from (1 word; a report needs at least 20) (the index keeps its previous version)\n");
      expect(refreshed.stdout).toMatch(/^Nothing changed \(1 file skipped, for the reasons above\)/m);
    } finally {
      article = kept;
    }
    expect(readFileSync(path.join(ws.corpusDir, "web", "ferry-terminal.html"))).toEqual(saved);
    const answer = await engine!.ask("When will the new ferry terminal open?", { reportIds: ["ferry-terminal"] });
    expect(answer.citations[0]?.text).toBe("The harbour authority confirmed that the new ferry terminal will open on 3 March.");
  });

  it("keeps URL reports, with their address, through a rebuild", async () => {
    const rebuilt = await run(ingestCommand, ["--rebuild", "--json"]);
    expect(rebuilt.status).toBe(0);
    const ids = rebuilt.stdout.trim().split("\n").map((l) => JSON.parse(l)).filter((l) => l.report).map((l) => l.report.id);
    expect(ids).toContain("ferry-terminal");
    const fresh = await createEngine(loadConfig({ ...ws.env, LOG_LEVEL: "silent", ANSWER_MODE: "extractive" }));
    try {
      const answer = await fresh.ask("When will the new ferry terminal open?", { reportIds: ["ferry-terminal"] });
      expect(answer.citations[0]?.source.url).toMatch(new RegExp(`^${base}/news/ferry-terminal#:~:text=`));
    } finally {
      await fresh.close();
    }
  });

  it("removes a report from the index and its file from the corpus; an unknown id is one line and exit 1", async () => {
    const [removed] = await engine!.removeReports(["storm-damage"]);
    expect(removed).toMatchObject({ id: "storm-damage", title: "Storm Damage Assessment", deletedFile: path.join(ws.corpusDir, "storm-damage.docx") });
    expect(engine!.reports().map((r) => r.id)).not.toContain("storm-damage");
    expect(existsSync(path.join(ws.corpusDir, "storm-damage.docx"))).toBe(false);
    const answer = await engine!.ask("How many fishing boats did the storm destroy?");
    expect(answer.citations.every((c) => c.reportId !== "storm-damage")).toBe(true);

    const web = await run(removeCommand, ["ferry-terminal"]);
    expect(web.stdout).toMatch(/^removed\s+ferry-terminal \(Ferry terminal to open in March\) from the index and deleted .*ferry-terminal\.html$/m);
    expect(webFiles()).toEqual([]);
    const unknown = await run(removeCommand, ["no-such-report"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^dossier: Unknown report no-such-report, so nothing was removed; known reports: millbrook-flood, saved-page\.$/m);
  });
});
