import { existsSync, readdirSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import type { Engine } from "../../src/engine-types.js";
import { makeArticleHtml, makeReportPdf, makeScannedPdf } from "../helpers/report-documents.js";
import { type BotHarness, isCallback, isLastAnswerPage, isOriginalEdit, startBotHarness } from "./bot-harness.js";
import * as interactions from "./discord-interactions.js";
import { APP_ID, type FakeDiscord } from "./fake-discord.js";

/**
 * /ingest with a PDF attachment or a `url`, and /remove, through the real discord.js Client against the fake Discord,
 * with a local web server standing in for a news site. 127.0.0.1 is allowed (ALLOW_PRIVATE_URLS) so the fake's
 * attachments and the local site can be fetched; everything else that is not public stays refused.
 */
let fake: FakeDiscord;
let site: http.Server;
let siteUrl: string;
let config: Config;
let engine: Engine;
let bot: BotHarness;
let send: BotHarness["send"];
let nextUser = 710000000000000000n;
const admin = (): interactions.Who => ({ userId: String(++nextUser), admin: true });
const member = (): interactions.Who => ({ userId: String(++nextUser), admin: false });

const reply = async (s: interactions.Sent) => (await fake.waitFor(isOriginalEdit(send(s)), 30_000)).body.content as string;
const ingestUrl = (who: interactions.Who, url: string) => interactions.slashCommand("ingest", who, [{ name: "url", type: 3, value: url }]);
const remove = (who: interactions.Who, id: string) => interactions.slashCommand("remove", who, [{ name: "report", type: 3, value: id }]);

async function askText(question: string): Promise<string> {
  const sent = send(interactions.ask({ userId: String(++nextUser) }, question));
  await fake.waitFor(isLastAnswerPage(sent), 30_000);
  return fake.requests
    .filter((r) => r.path.startsWith(`/webhooks/${APP_ID}/${sent.token}`) && r.body?.embeds !== undefined)
    .flatMap((r) => (r.body.embeds as APIEmbed[]).map((e) => e.description ?? ""))
    .join("\n");
}

/** Where the site's short link `/s/museum` leads: its target moves. */
let museumAt = "/news/ferry-museum";
const museumPage = makeArticleHtml().replace(/(f)erry terminal/gi, "$1erry museum");

beforeAll(async () => {
  site = http.createServer((req, res) => {
    if (req.url === "/news/ferry-terminal") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(makeArticleHtml());
    else if (req.url === "/s/museum") res.writeHead(302, { location: museumAt }).end();
    else if (req.url === museumAt) res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(museumPage);
    else if (req.url === "/to-intranet") res.writeHead(302, { location: "http://10.1.2.3/secret-report.html" }).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  bot = await startBotHarness({ name: "discord-formats", emptyCorpus: true, ingestInProcess: true });
  ({ fake, config, engine, send } = bot);
}, 60_000);

afterAll(async () => {
  await bot?.close();
  site?.closeAllConnections();
  await new Promise((resolve) => site?.close(resolve));
});

const corpusFiles = () => readdirSync(config.corpusDir, { recursive: true }).map(String).sort();

describe("before any report is ingested", () => {
  it("answers /ask with the reason, privately, leaving no public placeholder behind, and /reports says the same", async () => {
    const sent = send(interactions.ask(member(), "Who mediated the talks?"));
    const followUp = await fake.waitFor((r) => r.path.startsWith(`/webhooks/${APP_ID}/${sent.token}`) && r.method === "POST");
    expect(followUp.body.flags).toBe(64);
    expect(followUp.body.allowed_mentions).toEqual({ parse: [] });
    // The reason, naming the folder by its setting and not by its place on the server.
    expect(followUp.body.content).toMatch(/^No reports are loaded: the corpus folder holds no readable report \(.*\) \(CORPUS_DIR\)\. .*\/ingest in Discord\.$/);
    expect(followUp.body.content).not.toContain(config.corpusDir);
    expect(fake.requests.some((r) => r.path === `/webhooks/${APP_ID}/${sent.token}/messages/@original` && r.method === "DELETE")).toBe(true);
    const listing = await fake.waitFor(isCallback(send(interactions.slashCommand("reports", member()))));
    expect(listing.body.data).toMatchObject({ flags: 64, content: "No reports have been ingested yet; an admin can add one with /ingest." });
  });
});

describe("/ingest of other formats and by URL", () => {
  it("adds a PDF attachment whose answers cite the page", async () => {
    const pdf = await makeReportPdf({ title: "Millbrook flood: the first night" });
    const url = fake.hostFile("Millbrook Flood.pdf", pdf);
    const content = await reply(interactions.ingest(admin(), { filename: "Millbrook Flood.pdf", url, size: pdf.length, contentType: "application/pdf" }));
    expect(content).toMatch(/^Added \*\*Millbrook flood: the first night\*\* \(`millbrook-flood`, \d+ sentences\)/);
    const answer = await askText("Who declared a local emergency in Millbrook?");
    expect(answer).toContain("· `millbrook-flood` · p. 1\n> The mayor, Ruth Okafor, declared a local emergency at noon.");
  });

  it("refuses a scanned PDF with the ingest's reason, and keeps nothing of it", async () => {
    const scan = await makeScannedPdf();
    const url = fake.hostFile("scan.pdf", scan);
    const content = await reply(interactions.ingest(admin(), { filename: "scan.pdf", url, size: scan.length, contentType: "application/pdf" }));
    expect(content).toMatch(/scan\.pdf: the PDF has no text layer \(a scan\?\); run OCR on it first/);
    expect(corpusFiles()).not.toContain("scan.pdf");
    expect(engine.reports().map((r) => r.id)).not.toContain("scan");
  });

  it("adds a web page by url whose answers link to the sentence", async () => {
    const content = await reply(ingestUrl(admin(), `${siteUrl}/news/ferry-terminal`));
    expect(content).toMatch(/^Added \*\*Ferry terminal to open in March\*\* \(`ferry-terminal`, \d+ sentences\)/);
    expect(corpusFiles()).toContain(path.join("web", "ferry-terminal.html"));
    const listing = await fake.waitFor(isCallback(send(interactions.slashCommand("reports", member()))));
    const listed = (listing.body.data.embeds as APIEmbed[]).map((e) => e.description).join("\n");
    // Who wrote it and when, as the page says (2026-02-11T08:00:00Z), in each reader's own date format.
    expect(listed).toMatch(/`ferry-terminal` · \d+ sentences · ingested <t:\d+:R> · By Ana Lopes · published <t:1770796800:d>/);
    const answer = await askText("When will the new ferry terminal open?");
    expect(answer).toContain(
      `· \`ferry-terminal\` · [open at the sentence](${siteUrl}/news/ferry-terminal#:~:text=The%20harbour%20authority%20confirmed,open%20on%203%20March.)\n> The harbour authority confirmed`,
    );
  });

  it("updates the report a short link made when the link is given again after its target moved, linking to where it now leads", async () => {
    const museums = () => engine.reports().map((r) => r.id).filter((id) => id.includes("museum"));
    try {
      const added = await reply(ingestUrl(admin(), `${siteUrl}/s/museum`));
      expect(added).toMatch(/^Added \*\*Ferry museum to open in March\*\* \(`ferry-museum`, \d+ sentences\)/);
      museumAt = "/archive/2026/ferry-museum-opening";
      // The same page text under an address that would make another report id.
      const again = await reply(ingestUrl(admin(), `${siteUrl}/s/museum`));
      expect(again).toMatch(/^Updated \*\*Ferry museum to open in March\*\* \(`ferry-museum`, \d+ sentences\)/);
      expect(corpusFiles().filter((f) => f.includes("museum"))).toEqual([path.join("web", "ferry-museum.html")]);
      expect(museums()).toEqual(["ferry-museum"]);
      const answer = await askText("When will the new ferry museum open?");
      expect(answer).toContain(`· \`ferry-museum\` · [open at the sentence](${siteUrl}/archive/2026/ferry-museum-opening#:~:text=`);
    } finally {
      // The tests of /remove below know the other reports only.
      if (museums().length > 0) await engine.removeReports(museums());
    }
  });

  it("refuses a url that redirects to a private address, an attachment from a host that is not Discord's, and both or neither, saving nothing", async () => {
    const before = corpusFiles();
    expect(await reply(ingestUrl(admin(), `${siteUrl}/to-intranet`))).toBe(
      "http://10.1.2.3/secret-report.html: 10.1.2.3 is a private address (10.1.2.3), not a public one; refused",
    );
    const port = new URL(fake.apiUrl).port;
    const elsewhere = `http://localhost:${port}/files/elsewhere.txt`;
    fake.hostFile("elsewhere.txt", "A report that lives somewhere Discord does not serve attachments from.");
    const attachment = await reply(interactions.ingest(admin(), { filename: "elsewhere.txt", url: elsewhere, size: 70 }));
    expect(attachment).toMatch(/^http:\/\/localhost:\d+\/files\/elsewhere\.txt: localhost is not an allowed host here \(cdn\.discordapp\.com, media\.discordapp\.net, 127\.0\.0\.1\)$/);

    const both = interactions.ingest(admin(), { filename: "a.txt", url: fake.hostFile("a.txt", "A short report."), size: 15 });
    (both.payload.data as { options: unknown[] }).options.push({ name: "url", type: 3, value: `${siteUrl}/news/ferry-terminal` });
    const neither = interactions.slashCommand("ingest", admin(), []);
    for (const sent of [both, neither]) {
      expect((await fake.waitFor(isCallback(send(sent)))).body.data.content).toBe("Attach a report file or give a `url`, one of the two.");
    }
    expect(corpusFiles()).toEqual(before);
  });
});

describe("/remove", () => {
  it("autocompletes report ids and refuses members without Manage Server", async () => {
    const auto = send(interactions.autocompleteReport(admin(), "ferry", "remove"));
    const choices = (await fake.waitFor(isCallback(auto))).body.data.choices;
    expect(choices).toEqual([{ name: "Ferry terminal to open in March (ferry-terminal)", value: "ferry-terminal" }]);
    const denied = send(remove(member(), "ferry-terminal"));
    expect((await fake.waitFor(isCallback(denied))).body.data.content).toBe("Only members with the Manage Server permission can do that.");
    expect(engine.reports().map((r) => r.id)).toContain("ferry-terminal");
  });

  it("removes a report at once, file and all, and says so; an unknown id is a clear reply", async () => {
    expect(await reply(remove(admin(), "ferry-terminal"))).toBe("Removed **Ferry terminal to open in March** (`ferry-terminal`); answers no longer cite it.");
    expect(engine.reports().map((r) => r.id)).not.toContain("ferry-terminal");
    expect(existsSync(path.join(config.corpusDir, "web", "ferry-terminal.html"))).toBe(false);
    expect(await askText("When will the new ferry terminal open?")).not.toContain("ferry-terminal");
    expect(await reply(remove(admin(), "ferry-terminal"))).toBe("Unknown report ferry-terminal, so nothing was removed; known reports: millbrook-flood.");
  });
});
