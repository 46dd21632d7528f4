import type pg from "pg";

/**
 * The schema, one step per version, applied in order by `migrate` and never edited once released: a database
 * records the versions it has, so a newer Dossier adds only the steps it lacks. Vector columns get their dimensions
 * (and chunks their HNSW index) when the first index is written, since only then is the embedder known.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE EXTENSION IF NOT EXISTS vector;
      CREATE TABLE dossier_state (
        id int PRIMARY KEY CHECK (id = 1),
        -- Raised by every committed change: processes poll it to reload.
        generation bigint NOT NULL DEFAULT 0,
        -- The manifest without its report list (embedder, chunking, refused files); NULL until the first ingest.
        manifest jsonb
      );
      INSERT INTO dossier_state (id) VALUES (1);
      CREATE TABLE reports (
        id text PRIMARY KEY,
        title text NOT NULL,
        source text NOT NULL,
        hash text NOT NULL,
        sentence_count int NOT NULL,
        chunk_count int NOT NULL,
        ingested_at text NOT NULL,
        body text NOT NULL
      );
      CREATE TABLE sentences (
        report_id text NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        idx int NOT NULL,
        id text NOT NULL,
        text text NOT NULL,
        start_offset int NOT NULL,
        end_offset int NOT NULL,
        embedding vector NOT NULL,
        PRIMARY KEY (report_id, idx)
      );
      CREATE TABLE chunks (
        report_id text NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        idx int NOT NULL,
        id text NOT NULL,
        first_sentence int NOT NULL,
        last_sentence int NOT NULL,
        text text NOT NULL,
        embedding vector NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
        PRIMARY KEY (report_id, idx)
      );
      CREATE INDEX chunks_tsv ON chunks USING gin (tsv);
    `,
  },
  {
    version: 2,
    // What a report was extracted from (format, web address, PDF page starts): citations point back with it.
    sql: `ALTER TABLE reports ADD COLUMN origin jsonb;`,
  },
];

// Any constant unlikely to clash with another application's advisory locks in the same database.
const MIGRATION_LOCK = 0x646f7373;

/** Brings the schema up to the latest version; concurrent starters wait for each other's migration. */
export async function migrate(client: pg.ClientBase): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS dossier_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
    const { rows } = await client.query<{ version: number }>("SELECT version FROM dossier_migrations");
    const applied = new Set(rows.map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query("INSERT INTO dossier_migrations (version) VALUES ($1)", [m.version]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
