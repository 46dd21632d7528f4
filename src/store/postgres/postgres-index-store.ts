import pg from "pg";
import { DossierError } from "../../errors.js";
import type { IndexGeneration, ManifestDraft, PreviousIndex, StoredReport, WriteHooks } from "../../index/index-files.js";
import type { IngestLock } from "../../index/ingest-lock.js";
import type { Manifest, ReportRecord } from "../../index/records.js";
import { buildSegment, segmentReport } from "../../index/segment.js";
import { HNSW_PARAMS } from "../../index/vector-index.js";
import { stems } from "../../text/terms.js";
import { type CorpusSources, corpusSources } from "../corpus-relative-sources.js";
import type { IndexStore } from "../index-store.js";
import { migrate } from "./migrations.js";

export interface PostgresSettings {
  databaseUrl: string;
  pollMs: number;
}

// One writer at a time across every machine sharing the database (a session lock: released if the writer dies).
const WRITER_LOCK = 0x646f7374;

type StoredManifest = Omit<ManifestDraft, "reports">;

/** The database keeps no segment files to list or checksum: its own integrity guards the rows. */
const asManifest = (stored: StoredManifest, reports: ReportRecord[]): Manifest => ({ ...stored, reports, segments: [], checksums: {} });

/**
 * The index in PostgreSQL with pgvector, shared by every process that points at the database. Each report's change
 * is one transaction and raises the generation; readers load in one snapshot, so they see every report either as it
 * was or as it is now, and poll the generation to pick up other processes' changes.
 */
export class PostgresIndexStore implements IndexStore {
  /** The connection holding the writer lock while `withWriteLock` runs; writes go through it. */
  private writer: pg.PoolClient | undefined;

  private constructor(
    private readonly pool: pg.Pool,
    readonly where: string,
    readonly pollMs: number,
    /** Sources in the corpus folder are kept relative to it, so machines may mount it at different paths. */
    private readonly sources: CorpusSources,
  ) {}

  static async open(settings: PostgresSettings, where: string, corpusDir: string): Promise<PostgresIndexStore> {
    const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: 4 });
    // An idle connection the server drops must not crash the process; the next query reconnects.
    pool.on("error", () => undefined);
    try {
      const client = await pool.connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw new DossierError("STORE_UNAVAILABLE", `Cannot use the index in ${where}: ${reason(error)}.`, { cause: error });
    }
    return new PostgresIndexStore(pool, where, settings.pollMs, corpusSources(corpusDir));
  }

  async readManifest(): Promise<Manifest | undefined> {
    return this.snapshot(async (c) => {
      const state = await c.query<{ manifest: StoredManifest | null }>("SELECT manifest FROM dossier_state");
      const stored = state.rows[0]?.manifest;
      return stored ? this.sources.read(asManifest(stored, await readRecords(c))) : undefined;
    });
  }

  async readGeneration(): Promise<IndexGeneration> {
    const live = await this.readLive();
    if (!live) throw new DossierError("INDEX_MISSING", `No index in ${this.where}: run \`npm run ingest\` to build it.`);
    const { manifest, reports } = live;
    // One segment in memory, built as the local store builds one (int8 sentence vectors, same postings): same answers.
    const segment = buildSegment("seg-0-0", manifest.embedder.dimensions, manifest.reports.map((r) => segmentReport(reports.get(r.id)!, stems)));
    return { dir: this.where, manifest, segments: [{ segment, live: new Uint8Array(segment.reportIds.length).fill(1) }] };
  }

  async readPrevious(): Promise<PreviousIndex | undefined> {
    const manifest = await this.readManifest();
    return manifest && { manifest, records: manifest.reports, intact: new Set(manifest.reports.map((r) => r.id)), damaged: [] };
  }

  private readLive(): Promise<{ manifest: Manifest; reports: Map<string, StoredReport> } | undefined> {
    return this.snapshot(async (c) => {
      const state = await c.query<{ manifest: StoredManifest | null }>("SELECT manifest FROM dossier_state");
      const stored = state.rows[0]?.manifest;
      if (!stored) return undefined;
      const records = await readRecords(c);
      return { manifest: this.sources.read(asManifest(stored, records)), reports: await readReports(c, records) };
    });
  }

  async version(): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ generation: string }>("SELECT generation FROM dossier_state");
    return rows[0]?.generation;
  }

  async withWriteLock<T>(work: (lock: IngestLock) => Promise<T>): Promise<T> {
    const { client, lost, release } = await this.checkOut();
    try {
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [WRITER_LOCK]);
      if (!rows[0]!.locked) {
        // As the local store's line: the database is named for the operator only, since it may be an /ingest reply.
        throw new DossierError("BUSY", "Another ingest is running on the index; try again when it ends.", {
          forOperator: `Another ingest is running on ${this.where}; try again when it ends.`,
        });
      }
      this.writer = client;
      try {
        // A session lock cannot be taken over while its connection lives, so there is nothing more to assert.
        return await work({ assertHeld: () => undefined });
      } finally {
        this.writer = undefined;
        // A session that is gone has lost its lock with it.
        if (!lost()) await client.query("SELECT pg_advisory_unlock($1)", [WRITER_LOCK]);
      }
    } catch (error) {
      const gone = lost();
      throw gone ? this.unreachable(gone) : error;
    } finally {
      release();
    }
  }

  async write(draft: ManifestDraft, added: Map<string, StoredReport>, hooks: WriteHooks = {}): Promise<void> {
    if (!this.writer) throw new Error("PostgresIndexStore.write outside withWriteLock");
    const c = this.writer;
    const manifest = this.sources.write(draft);
    const { reports: records, ...rest } = manifest;
    await hooks.beforeSwap?.();
    const state = await c.query<{ manifest: StoredManifest | null }>("SELECT manifest FROM dossier_state");
    const live = state.rows[0]?.manifest;
    const sameShape =
      live?.embedder.name === manifest.embedder.name &&
      live.embedder.dimensions === manifest.embedder.dimensions &&
      live.chunking.sentences === manifest.chunking.sentences &&
      live.chunking.overlap === manifest.chunking.overlap &&
      live.analysis === manifest.analysis;

    if (!sameShape) {
      // Another embedder, chunking or text analysis changes every report: one transaction, so no reader mixes two.
      await transaction(c, async () => {
        await c.query("TRUNCATE reports CASCADE");
        await setDimensions(c, manifest.embedder.dimensions);
        for (const record of records) await insertReport(c, record, added.get(record.id)!);
        await c.query("UPDATE dossier_state SET manifest = $1, generation = generation + 1", [rest]);
      });
      return;
    }

    const existing = new Map((await readRecords(c)).map((r) => [r.id, r]));
    for (const record of records) {
      const stored = added.get(record.id);
      if (!stored) continue;
      await transaction(c, async () => {
        await c.query("DELETE FROM reports WHERE id = $1", [record.id]);
        await insertReport(c, record, stored);
        await bump(c);
      });
    }
    const kept = new Set(records.map((r) => r.id));
    for (const id of existing.keys()) {
      if (kept.has(id)) continue;
      await transaction(c, async () => {
        await c.query("DELETE FROM reports WHERE id = $1", [id]);
        await bump(c);
      });
    }
    await transaction(c, async () => {
      for (const record of records) {
        const old = existing.get(record.id);
        // A report kept as stored may have been moved (its file) or relinked (a page now at another address).
        if (old && !added.has(record.id) && (old.source !== record.source || old.origin?.url !== record.origin?.url)) {
          await c.query("UPDATE reports SET source = $2, origin = $3 WHERE id = $1", [record.id, record.source, originJson(record)]);
        }
      }
      await c.query("UPDATE dossier_state SET manifest = $1, generation = generation + 1", [rest]);
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Reads in one snapshot: a change committed meanwhile is either wholly in it or wholly not. */
  private async snapshot<T>(read: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const { client, lost, release } = await this.checkOut();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const result = await read(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      const gone = lost();
      if (gone) throw this.unreachable(gone);
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      release();
    }
  }

  /**
   * A pooled connection for one use. One that drops while in use emits 'error' beside failing its queries, and that
   * event, unheard, ends the process (a database restarting under a read took the bot down): it is heard here, and the
   * loss is said as the index being unreachable. The server rolls back a dropped session's transaction and releases
   * its locks, so nothing half-written stays.
   */
  private async checkOut(): Promise<{ client: pg.PoolClient; lost: () => Error | undefined; release: () => void }> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw this.unreachable(error);
    }
    let gone: Error | undefined;
    const heard = (error: Error) => (gone = error);
    client.on("error", heard);
    return {
      client,
      lost: () => gone,
      release: () => {
        client.off("error", heard);
        // Handed back with its error, a dropped connection is closed rather than kept for the next use.
        client.release(gone);
      },
    };
  }

  /** As the busy line: a read may be a /remove or /list reply to a Discord user, who is not told where the database is. */
  private unreachable(error: unknown): DossierError {
    return new DossierError("STORE_UNAVAILABLE", `Cannot reach the index database: ${reason(error)}.`, {
      cause: error,
      forOperator: `Cannot reach the index in ${this.where}: ${reason(error)}.`,
    });
  }
}

async function transaction(c: pg.ClientBase, work: () => Promise<void>): Promise<void> {
  await c.query("BEGIN");
  try {
    await work();
    await c.query("COMMIT");
  } catch (error) {
    await c.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

const bump = (c: pg.ClientBase) => c.query("UPDATE dossier_state SET generation = generation + 1");

/** Types the vector columns for this embedder and indexes chunk vectors with HNSW (inner product on unit vectors). */
async function setDimensions(c: pg.ClientBase, dims: number): Promise<void> {
  if (!Number.isInteger(dims) || dims <= 0) throw new Error(`bad vector dimensions ${dims}`);
  await c.query("DROP INDEX IF EXISTS chunks_embedding_hnsw");
  await c.query(`ALTER TABLE sentences ALTER COLUMN embedding TYPE vector(${dims})`);
  await c.query(`ALTER TABLE chunks ALTER COLUMN embedding TYPE vector(${dims})`);
  await c.query(
    `CREATE INDEX chunks_embedding_hnsw ON chunks USING hnsw (embedding vector_ip_ops) WITH (m = ${HNSW_PARAMS.m}, ef_construction = ${HNSW_PARAMS.efConstruction})`,
  );
}

async function insertReport(c: pg.ClientBase, r: ReportRecord, stored: StoredReport): Promise<void> {
  await c.query(
    "INSERT INTO reports (id, title, source, hash, sentence_count, chunk_count, ingested_at, body, origin) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    [r.id, r.title, r.source, r.hash, r.sentenceCount, r.chunkCount, r.ingestedAt, stored.text, originJson(r)],
  );
  const s = stored.sentences;
  await c.query(
    `INSERT INTO sentences (report_id, idx, id, text, start_offset, end_offset, embedding)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[]::vector[])`,
    [r.id, s.map((x) => x.index), s.map((x) => x.id), s.map((x) => x.text), s.map((x) => x.start), s.map((x) => x.end), stored.sentenceVectors.map(vectorLiteral)],
  );
  const ch = stored.chunks;
  await c.query(
    `INSERT INTO chunks (report_id, idx, id, first_sentence, last_sentence, text, embedding)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[]::vector[])`,
    [r.id, ch.map((_, i) => i), ch.map((x) => x.id), ch.map((x) => x.firstSentence), ch.map((x) => x.lastSentence), ch.map((x) => x.text), stored.chunkVectors.map(vectorLiteral)],
  );
}

const originJson = (r: ReportRecord) => (r.origin === undefined ? null : JSON.stringify(r.origin));

async function readRecords(c: pg.ClientBase): Promise<ReportRecord[]> {
  const { rows } = await c.query(
    "SELECT id, title, source, hash, sentence_count, chunk_count, ingested_at, origin FROM reports",
  );
  // The order ingest writes manifests in (JavaScript's, not the database collation's): vector labels follow it.
  return rows
    .map((r) => ({
      id: r.id,
      title: r.title,
      source: r.source,
      hash: r.hash,
      sentenceCount: r.sentence_count,
      chunkCount: r.chunk_count,
      ingestedAt: r.ingested_at,
      ...(r.origin !== null && { origin: r.origin }),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

async function readReports(c: pg.ClientBase, records: ReportRecord[]): Promise<Map<string, StoredReport>> {
  const reports = new Map<string, StoredReport>();
  const bodies = await c.query<{ id: string; body: string }>("SELECT id, body FROM reports");
  for (const r of records) reports.set(r.id, { id: r.id, text: "", sentences: [], chunks: [], sentenceVectors: [], chunkVectors: [] });
  for (const row of bodies.rows) reports.get(row.id)!.text = row.body;
  const sentences = await c.query(
    "SELECT report_id, idx, id, text, start_offset, end_offset, embedding::text AS embedding FROM sentences ORDER BY report_id, idx",
  );
  for (const row of sentences.rows) {
    const report = reports.get(row.report_id)!;
    report.sentences.push({ id: row.id, reportId: row.report_id, index: row.idx, text: row.text, start: row.start_offset, end: row.end_offset });
    report.sentenceVectors.push(parseVector(row.embedding));
  }
  const chunks = await c.query(
    "SELECT report_id, idx, id, first_sentence, last_sentence, text, embedding::text AS embedding FROM chunks ORDER BY report_id, idx",
  );
  for (const row of chunks.rows) {
    const report = reports.get(row.report_id)!;
    report.chunks.push({ id: row.id, reportId: row.report_id, firstSentence: row.first_sentence, lastSentence: row.last_sentence, text: row.text });
    report.chunkVectors.push(parseVector(row.embedding));
  }
  return reports;
}

// Float32 values print exactly in JavaScript's shortest form and parse back to the same float, both ways.
const vectorLiteral = (v: Float32Array) => `[${v.join(",")}]`;
const parseVector = (text: string) => Float32Array.from(text.slice(1, -1).split(","), Number);

function reason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e.code && /^[A-Z]+$/.test(e.code) ? e.code : (e.message ?? String(error)).split("\n")[0]!;
}
