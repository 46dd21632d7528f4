import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { loadConfig } from "../../src/config.js";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { createEngine } from "../../src/engine.js";
import type { DossierError } from "../../src/errors.js";
import { rememberAddress } from "../../src/formats/source-addresses.js";
import { readStoredReports, type StoredReport, type WriteHooks } from "../../src/index/index-files.js";
import { ingestPaths } from "../../src/index/ingest.js";
import { silentLogger } from "../../src/logger.js";
import { copyLocalIndex } from "../../src/engine/copy-local-index.js";
import type { IndexStore } from "../../src/store/index-store.js";
import { LocalIndexStore } from "../../src/store/local-index-store.js";
import { openIndexStore } from "../../src/store/open-index-store.js";
import { embedReportsAhead } from "../helpers/embed-ahead.js";
import { makeArticleHtml } from "../helpers/report-documents.js";
import { startTestDatabase, type TestDatabase } from "../helpers/postgres-server.js";
import { FIRST_REPORT, makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

const embeddings = new LocalUseEmbeddings();
let db: TestDatabase;
let ws: Workspace;
let store: IndexStore;
let sql: pg.Pool;
const BANK = path.resolve("tests/fixtures/bank/reports");

// Question set a and the reports it is about, which the bank test below copies (the bank's other reports would only
// slow it down).
const SET_A = readFileSync("tests/fixtures/bank/questions-a.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l) as { question: string; report: string });
const SET_A_REPORTS = readdirSync(BANK).filter((f) => SET_A.some((q) => f.startsWith(`${q.report}.`)));
const CHANGED_REPORTS = ["harbour-ceasefire-talks.txt", "cup-final-report.txt"];

const postgresEnv = () => ({ ...ws.env, INDEX_STORE: "postgres", DATABASE_URL: db.url, INDEX_POLL_MS: "100", LOG_LEVEL: "silent" });
const ingest = (paths: string[], hooks: WriteHooks = {}) => ingestPaths(paths, { config: ws.config, embeddings, logger: silentLogger, store, hooks });
const count = async (table: string) => Number((await sql.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

beforeAll(async () => {
  // Every report this file ingests and every question it asks, embedded ahead in one call while the database starts:
  // a report's sentences of a length no other sentence of it has were embedded one per model call.
  const reports = [FIRST_REPORT, ...[...CHANGED_REPORTS, ...SET_A_REPORTS].map((f) => path.join(BANK, f))];
  [db] = await Promise.all([startTestDatabase(), embedReportsAhead(reports, SET_A.map((q) => q.question))]);
  ws = makeWorkspace();
  store = await openIndexStore(loadConfig(postgresEnv()));
  sql = new pg.Pool({ connectionString: db.url, max: 2 });
});
afterAll(async () => {
  await store?.close();
  await sql?.end();
  await db?.stop();
  ws?.cleanup();
});

describe(`PostgreSQL index store (${process.env.DATABASE_URL ? "server from DATABASE_URL" : "PGlite over pglite-socket"})`, () => {
  it("creates its schema through versioned migrations, once", async () => {
    const again = await openIndexStore(loadConfig(postgresEnv()));
    await again.close();
    expect((await sql.query("SELECT version FROM dossier_migrations")).rows).toEqual([{ version: 1 }, { version: 2 }]);
    expect(await store.readManifest()).toBeUndefined();
    await expect(store.readGeneration()).rejects.toMatchObject({ code: "INDEX_MISSING" });
  });

  it("ingests reports into tables with typed vectors, an HNSW index and a full-text column", async () => {
    const summary = await ingest([ws.corpusDir]);
    expect(summary.reports.map((r) => r.status)).toEqual(["added"]);
    const manifest = await store.readManifest();
    expect(manifest?.reports.map((r) => r.id)).toEqual(["afghanistan-pakistan-istanbul-talks"]);
    expect(manifest?.embedder).toEqual(embeddings.embedder);
    expect(await count("sentences")).toBe(manifest!.reports[0]!.sentenceCount);
    const indexes = (await sql.query("SELECT indexdef FROM pg_indexes WHERE tablename = 'chunks'")).rows.map((r) => r.indexdef);
    expect(indexes.join("\n")).toMatch(/USING hnsw \(embedding vector_ip_ops\)/);
    const typed = await sql.query("SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute WHERE attrelid = 'chunks'::regclass AND attname = 'embedding'");
    expect(typed.rows[0].t).toBe(`vector(${embeddings.embedder.dimensions})`);
    const lexical = await sql.query("SELECT id FROM chunks WHERE tsv @@ websearch_to_tsquery('english', 'mediated talks')");
    expect(lexical.rows.length).toBeGreaterThan(0);
    const nearest = await sql.query("SELECT id FROM chunks ORDER BY embedding <#> (SELECT embedding FROM chunks WHERE idx = 0) LIMIT 1");
    expect(nearest.rows[0].id).toBe("afghanistan-pakistan-istanbul-talks@0");
  });

  it("keeps unchanged reports as stored, replaces a changed one and drops a removed one", async () => {
    for (const f of CHANGED_REPORTS) copyFileSync(path.join(BANK, f), path.join(ws.corpusDir, f));
    await ingest([ws.corpusDir]);
    const before = (await sql.query("SELECT id, ingested_at FROM reports ORDER BY id")).rows;
    const generation = await store.version();

    const again = await ingest([ws.corpusDir]);
    expect(again.changed).toBe(false);
    expect(await store.version()).toBe(generation);

    writeFileSync(path.join(ws.corpusDir, "cup-final-report.txt"), "# Cup final\n\nThe final was postponed by a week because of snow, which had covered the pitch and the roads around the stadium since Thursday.\n");
    rmSync(path.join(ws.corpusDir, "harbour-ceasefire-talks.txt"));
    const summary = await ingest([ws.corpusDir]);
    expect(summary.removed).toEqual(["harbour-ceasefire-talks"]);
    expect(summary.reports.find((r) => r.id === "cup-final-report")?.status).toBe("updated");
    const after = (await sql.query("SELECT id, ingested_at FROM reports ORDER BY id")).rows;
    expect(after.map((r) => r.id)).toEqual(["afghanistan-pakistan-istanbul-talks", "cup-final-report"]);
    // The untouched report's rows were not rewritten.
    expect(after[0]).toEqual(before[0]);
    expect((await sql.query("SELECT count(*) AS n FROM sentences WHERE report_id = 'harbour-ceasefire-talks'")).rows[0].n).toBe("0");
    const cup = readStoredReports(await store.readGeneration()).get("cup-final-report")!;
    expect(cup.sentences.map((s) => s.text)).toEqual(["The final was postponed by a week because of snow, which had covered the pitch and the roads around the stadium since Thursday."]);
  });

  it("keeps a page whose bytes are unchanged but whose address moved as stored, under its new address", async () => {
    const page = path.join(ws.corpusDir, "web", "ferry-terminal.html");
    mkdirSync(path.dirname(page));
    writeFileSync(page, makeArticleHtml());
    await rememberAddress(page, "https://news.example/news/ferry-terminal");
    await ingest([page]);
    const row = async () => (await sql.query("SELECT origin->>'url' AS url, ingested_at FROM reports WHERE id = 'ferry-terminal'")).rows[0];
    const before = await row();
    // Fetched again through a short link that now leads elsewhere, with the same text.
    await rememberAddress(page, "https://news.example/archive/ferry-terminal", "https://news.example/s/ferry");
    const summary = await ingest([page]);
    expect(summary.reports.map((r) => `${r.id} ${r.status}`)).toEqual(["ferry-terminal updated"]);
    // Its address, which citations link to, is the new one; its sentences were not written again.
    expect(await row()).toEqual({ url: "https://news.example/archive/ferry-terminal", ingested_at: before.ingested_at });
  });

  it("keeps a corpus report's file relative to the corpus folder: read where each machine mounts it, an older absolute one as it is", async () => {
    const sourceOf = async () => (await sql.query("SELECT source FROM reports WHERE id = 'ferry-terminal'")).rows[0].source as string;
    const read = async (from: IndexStore) => (await from.readManifest())!.reports.find((r) => r.id === "ferry-terminal")!.source;
    expect(await sourceOf()).toBe("web/ferry-terminal.html");
    const elsewhere = await openIndexStore(loadConfig({ ...postgresEnv(), CORPUS_DIR: "/mnt/shared/corpus" }));
    try {
      expect(await read(elsewhere)).toBe(path.join("/mnt/shared/corpus", "web", "ferry-terminal.html"));
    } finally {
      await elsewhere.close();
    }
    // A row written before sources were kept relative: read as it is, and stored relative by the next write.
    const absolute = path.join(ws.corpusDir, "web", "ferry-terminal.html");
    await sql.query("UPDATE reports SET source = $1 WHERE id = 'ferry-terminal'", [absolute]);
    expect(await read(store)).toBe(absolute);
    const live = await store.readGeneration();
    await store.withWriteLock(() => store.write(live.manifest, new Map()));
    expect(await sourceOf()).toBe("web/ferry-terminal.html");
  });

  it("writes each report in one transaction: a report that fails to write leaves its previous version whole", async () => {
    const live = await store.readGeneration();
    const cup = readStoredReports(live).get("cup-final-report")!;
    const broken: StoredReport = { ...cup, sentences: [...cup.sentences, { ...cup.sentences[0]!, index: 1, id: "cup-final-report#1" }], sentenceVectors: [...cup.sentenceVectors, new Float32Array(3)] };
    const manifest = { ...live.manifest, reports: live.manifest.reports.map((r) => (r.id === "cup-final-report" ? { ...r, sentenceCount: 2, ingestedAt: "later" } : r)) };
    await expect(store.withWriteLock(() => store.write(manifest, new Map([["cup-final-report", broken]])))).rejects.toThrow(/dimensions/);
    const after = await store.readGeneration();
    expect(readStoredReports(after).get("cup-final-report")!.sentences).toEqual(cup.sentences);
    expect(after.manifest.reports).toEqual(live.manifest.reports);
  });

  it("holds a PostgreSQL advisory lock while writing, released after", async () => {
    const advisory = async () => Number((await sql.query("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted")).rows[0].n);
    let during = -1;
    writeFileSync(path.join(ws.corpusDir, "ferry.txt"), "The night ferry to Tangier was cancelled because of high winds, the port authority said on Monday, and passengers were offered seats on the morning boat.");
    await ingest([ws.corpusDir], { beforeSwap: async () => void (during = await advisory()) });
    expect(during).toBe(1);
    expect(await advisory()).toBe(0);
  });

  it.skipIf(!process.env.DATABASE_URL)("refuses a second writer while one holds the lock (needs a real server: PGlite has one session)", async () => {
    const other = await openIndexStore(loadConfig(postgresEnv()));
    try {
      await store.withWriteLock(async () => {
        await expect(other.withWriteLock(async () => undefined)).rejects.toMatchObject({
          code: "BUSY",
          message: "Another ingest is running on the index; try again when it ends.",
          forOperator: expect.stringMatching(/^Another ingest is running on PostgreSQL .*; try again when it ends\.$/),
        });
      });
    } finally {
      await other.close();
    }
  });

  it("answers exactly as the local store on the question bank, after copying the local index into PostgreSQL", async () => {
    const bank = makeWorkspace({ withFirstReport: false });
    const files = SET_A_REPORTS;
    for (const f of files) copyFileSync(path.join(BANK, f), path.join(bank.corpusDir, f));
    const onDisk = await createEngine(bank.config, { embeddings });
    const shared = loadConfig({ ...bank.env, INDEX_STORE: "postgres", DATABASE_URL: db.url, LOG_LEVEL: "silent" });
    // What `npm run copy-index` does: the local generation, vectors included, replaces what the database held.
    const copied = await copyLocalIndex(shared);
    const inPostgres = await createEngine(shared, { embeddings });
    try {
      expect(copied.reports).toBe(files.length);
      expect((await sql.query("SELECT manifest->'checksums' AS c FROM dossier_state")).rows[0].c).toBeNull();
      expect(inPostgres.reports()).toEqual(onDisk.reports());
      const questions = SET_A.map((q) => q.question);
      expect(questions.length).toBeGreaterThan(100);
      const shape = (a: Answer) => ({ text: a.text, abstained: a.abstained, cited: a.citations.map((c) => c.sentenceId), related: a.related.map((c) => c.sentenceId) });
      let answered = 0;
      // All at once, so the parts of two-part questions are embedded together rather than one per model call.
      const compared = await Promise.all(questions.map(async (q) => ({ q, expected: shape(await onDisk.ask(q)), inPostgres: shape(await inPostgres.ask(q)) })));
      for (const { q, expected, inPostgres } of compared) {
        expect(inPostgres, q).toEqual(expected);
        if (!expected.abstained) answered++;
      }
      // A third of set a is unanswerable and the offline gate is cautious: still over forty answers compared.
      expect(answered).toBeGreaterThan(questions.length / 5);
    } finally {
      await Promise.all([onDisk.close(), inPostgres.close()]);
      bank.cleanup();
    }
    // Ingesting six reports with the real model and asking ~200 questions twice: generous on a busy 2-core machine.
  }, 240_000);

  it("an engine picks up a report another process ingested, without a restart", async () => {
    const watching = await createEngine(loadConfig(postgresEnv()), { embeddings, autoIngest: false });
    const writer = makeWorkspace({ withFirstReport: false });
    try {
      const question = "Why was the lighthouse on Varn Island closed?";
      expect((await watching.ask(question)).abstained).toBe(true);
      writeFileSync(path.join(writer.corpusDir, "lighthouse.txt"), "# Lighthouse\n\nThe lighthouse on Varn Island was closed after storms cracked its lantern room, and its keepers were taken off by boat to the mainland.\n");
      const other = await openIndexStore(loadConfig({ ...writer.env, INDEX_STORE: "postgres", DATABASE_URL: db.url, LOG_LEVEL: "silent" }));
      await ingestPaths([path.join(writer.corpusDir, "lighthouse.txt")], { config: writer.config, embeddings, logger: silentLogger, store: other });
      await other.close();
      // The issue asks for "within a few seconds"; polling every 100 ms, 10 s is a generous margin.
      await vi.waitFor(() => expect(watching.reports().map((r) => r.id)).toContain("lighthouse"), { timeout: 10_000, interval: 50 });
      const answer = await watching.ask(question);
      expect(answer.abstained).toBe(false);
      expect(answer.citations[0]?.text).toBe("The lighthouse on Varn Island was closed after storms cracked its lantern room, and its keepers were taken off by boat to the mainland.");
    } finally {
      await watching.close();
      writer.cleanup();
    }
  });

  it("an engine refuses an index another embedder built", async () => {
    const other = { ...embeddings, embedder: { name: "another-model", dimensions: embeddings.embedder.dimensions } } as unknown as LocalUseEmbeddings;
    await expect(createEngine(loadConfig(postgresEnv()), { embeddings: other, autoIngest: false })).rejects.toMatchObject({ code: "EMBEDDER_MISMATCH" });
  });

  it("says a database gone under a read or an ingest in one line, naming it for the operator only, and stays up", async () => {
    const relay = await relayTo(db.url);
    const relayed = await openIndexStore(loadConfig({ ...postgresEnv(), DATABASE_URL: relay.url }));
    const where = `PostgreSQL 127.0.0.1:${new URL(relay.url).port}${new URL(db.url).pathname}`;
    const before = await store.version();
    try {
      // The connection drops while an ingest is writing: it fails, and the live index is the one before it.
      const report = path.join(ws.root, "gone-database.txt");
      writeFileSync(report, "The harbour board met on Monday. It approved a new pier for the ferries, which will let two boats load at once during the busy summer months.\n");
      const writing = ingestPaths([report], { config: ws.config, embeddings, logger: silentLogger, store: relayed, hooks: { beforeSwap: async () => relay.shut() } });
      const failedWrite = await writing.then(() => undefined, (e: DossierError) => e);
      expect(failedWrite).toMatchObject({ code: "STORE_UNAVAILABLE", message: expect.stringMatching(/^Cannot reach the index database: .+\.$/) });
      expect(failedWrite!.forOperator).toContain(where);
      expect(await store.version()).toBe(before);
      // A read after it connects anew, and is refused.
      const failedRead = await relayed.readManifest().then(() => undefined, (e: DossierError) => e);
      expect(failedRead).toMatchObject({ code: "STORE_UNAVAILABLE", message: "Cannot reach the index database: ECONNREFUSED." });
      expect(failedRead!.forOperator).toBe(`Cannot reach the index in ${where}: ECONNREFUSED.`);
    } finally {
      await relayed.close();
    }
  });

  it("the local store is unchanged underneath the same interface", async () => {
    const local: IndexStore = new LocalIndexStore(ws.config.indexDir, ws.config.corpusDir);
    expect(await local.readManifest()).toBeUndefined();
    expect(await local.version()).toBeUndefined();
    expect(local.pollMs).toBeUndefined();
  });
});

/**
 * A TCP relay on 127.0.0.1 to the test database, which `shut()` closes with every connection through it: the database
 * going away, as a server restarting or a network failing would take it, under a store that was opened through it.
 */
async function relayTo(databaseUrl: string): Promise<{ url: string; shut: () => Promise<void> }> {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String((relay.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    shut: async () => {
      const closed = new Promise<void>((resolve) => relay.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
