import { randomBytes } from "node:crypto";
import pg from "pg";
import { startPglite } from "../../scripts/bench/pglite-server.js";

export interface TestDatabase {
  /** A postgres:// URL the `pg` driver (and any child process) connects to. */
  url: string;
  /** "pglite" in-process, or "server" when DATABASE_URL names one. */
  engine: "pglite" | "server";
  /** A URL to an empty database for one test group: a new schema on a server; PGlite's one schema emptied (it has one session, so no second schema can be kept apart). */
  fresh(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL with pgvector for one test file, reached over the wire protocol as production reaches it.
 * With DATABASE_URL set, a fresh schema on that server (dropped at the end); otherwise PGlite through pglite-socket.
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  const server = process.env.DATABASE_URL;
  if (server) return serverSchemas(server);
  const pglite = await startPglite();
  return {
    ...pglite,
    engine: "pglite",
    fresh: async () => {
      await query(pglite.url, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
      return pglite.url;
    },
  };
}

async function query(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** The first schema is the file's; `fresh()` adds one per group; all are dropped at the end. */
async function serverSchemas(serverUrl: string): Promise<TestDatabase> {
  const schemas: string[] = [];
  const fresh = async () => {
    const schema = `dossier_test_${randomBytes(4).toString("hex")}`;
    await query(serverUrl, `CREATE EXTENSION IF NOT EXISTS vector; CREATE SCHEMA ${schema}`);
    schemas.push(schema);
    const url = new URL(serverUrl);
    url.searchParams.set("options", `-c search_path=${schema},public`);
    return url.toString();
  };
  return {
    url: await fresh(),
    engine: "server",
    fresh,
    stop: async () => query(serverUrl, schemas.map((s) => `DROP SCHEMA ${s} CASCADE;`).join(" ")),
  };
}

