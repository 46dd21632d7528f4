import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createEngine } from "../../src/engine.js";
import type { Engine } from "../../src/engine-types.js";
import { readGeneration } from "../../src/index/index-files.js";
import { SearchIndex } from "../../src/retrieval/search-index.js";
import { makeArticleHtml } from "../helpers/report-documents.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

/**
 * "Who wrote the article?" over reports that state their author outside their prose (a Markdown file's front matter,
 * a page's markup) or name none (a site's account, "By Staff"), each ingested from a corpus folder and asked of a
 * real index.
 */
let ws: Workspace;
let engine: Engine;

const LANES = "The city council approved three new cycle lanes on Wednesday, after a vote that ran late into the evening and split the ruling group.";
const FERRY = "The harbour board approved a new timetable for the island ferries on Monday, adding a late crossing on Fridays through the summer.";
const BRIDGE = "Engineers closed the old river bridge to lorries on Thursday after an inspection found cracks in two of its steel supports.";

beforeAll(async () => {
  ws = makeWorkspace({ withFirstReport: false });
  const markdown = (author: string, body: string) => `---\ntitle: A council story\nauthor: ${author}\ndate: 2026-11-20\n---\n\n${body}\n`;
  writeFileSync(path.join(ws.corpusDir, "lanes.md"), markdown("Jane Doe", LANES));
  writeFileSync(path.join(ws.corpusDir, "ferry.md"), markdown("admin", FERRY));
  writeFileSync(path.join(ws.corpusDir, "bridge.txt"), `Bridge closed to lorries\n\nBy Staff, The River Courier\n\n${BRIDGE}\n`);
  // A WordPress page: its byline element names the account that posted it.
  writeFileSync(path.join(ws.corpusDir, "terminal.html"), makeArticleHtml().replace("By Ana Lopes", "By Webmaster"));
  engine = await createEngine(loadConfig({ ...ws.env, LOG_LEVEL: "silent", ANSWER_MODE: "extractive" }));
}, 120_000);

afterAll(async () => {
  await engine?.close();
  ws.cleanup();
});

const whoWrote = (reportId: string) => engine.ask("Who wrote the article?", { reportIds: [reportId] });

describe("who wrote a report", () => {
  it("is answered by a Markdown report's front matter author, put in its text as its byline; the front matter is not", async () => {
    const answer = await whoWrote("lanes");
    expect(answer.abstained).toBe(false);
    expect(answer.citations.map((c) => c.text)).toEqual(["By Jane Doe"]);
    const cited = (await engine.ask("How many cycle lanes did the council approve?", { reportIds: ["lanes"] })).citations[0]!;
    expect(cited.text).toBe(LANES);
    // Nothing of the block is text: not its keys, nor the date only it states.
    expect((await engine.ask("What is the date 2026-11-20 about?", { reportIds: ["lanes"] })).citations.map((c) => c.text).join(" ")).not.toMatch(/title:|2026-11-20/);
  });

  it("is not answered by a byline that names no author: an account, the staff, the webmaster", async () => {
    for (const id of ["ferry", "bridge", "terminal"]) {
      const answer = await whoWrote(id);
      expect(answer.abstained, id).toBe(true);
      expect(answer.citations.map((c) => c.text).join(" "), id).not.toMatch(/\bBy (admin|Staff|Webmaster)\b/);
    }
    // A page's or front matter's account is not put in the text as a byline either: it would be quoted as one.
    const index = new SearchIndex(await readGeneration(ws.config.indexDir));
    expect(index.sentencesOf("ferry").map((s) => s.sentence.text)).toEqual([FERRY]);
    expect(index.sentencesOf("terminal").map((s) => s.sentence.text).join("\n")).not.toMatch(/webmaster/i);
    // Nor kept as the report's byline, which `/reports` lists beside its title; a named author is.
    const byline = (id: string) => index.reports.find((r) => r.id === id)?.origin?.byline;
    expect([byline("ferry"), byline("terminal"), byline("lanes")]).toEqual([undefined, undefined, "Jane Doe"]);
  });
});
