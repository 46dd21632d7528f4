import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
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

/** One PGlite per test worker: starting one costs seconds of CPU, and the worker's files run one after another. */
let pglite: ReturnType<typeof startPglite> | undefined;

/**
 * A real PostgreSQL with pgvector for one test file, reached over the wire protocol as production reaches it.
 * With DATABASE_URL set, a fresh schema on that server (dropped at the end); otherwise the worker's PGlite through
 * pglite-socket, emptied for this file (and left running for the worker's next file when the file stops it).
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  const server = process.env.DATABASE_URL;
  if (server) return serverSchemas(server);
  pglite ??= pgliteTemplate().then((loadDataDir) => startPglite({ loadDataDir }));
  const { url } = await pglite;
  // Its one session is every connection's: a lock a previous file left held would be held here too.
  const fresh = async () => {
    await query(url, "SELECT pg_advisory_unlock_all(); DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    return url;
  };
  await fresh();
  return { url, engine: "pglite", fresh, stop: async () => undefined };
}

/** The run's dump of a new PGlite (tests/setup/pglite-template.ts), once it is written; none if making it failed. */
async function pgliteTemplate(): Promise<Blob | undefined> {
  const file = inject("pgliteTemplate");
  while (!existsSync(file)) {
    if (existsSync(`${file}.failed`)) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return new Blob([readFileSync(file)]);
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

