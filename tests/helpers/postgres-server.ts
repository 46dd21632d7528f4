import { randomBytes } from "node:crypto";
import pg from "pg";
import { startPglite } from "../../scripts/bench/pglite-server.js";

export interface TestDatabase {
  /** A postgres:// URL the `pg` driver (and any child process) connects to. */
  url: string;
  /** "pglite" in-process, or "server" when DATABASE_URL names one. */
  engine: "pglite" | "server";
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL with pgvector for one test file, reached over the wire protocol as production reaches it.
 * With DATABASE_URL set, a fresh schema on that server (dropped at the end); otherwise PGlite through pglite-socket.
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  const server = process.env.DATABASE_URL;
  if (server) return freshSchema(server);
  return { ...(await startPglite()), engine: "pglite" };
}

async function freshSchema(serverUrl: string): Promise<TestDatabase> {
  const schema = `dossier_test_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query("CREATE EXTENSION IF NOT EXISTS vector");
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.searchParams.set("options", `-c search_path=${schema},public`);
  return {
    url: url.toString(),
    engine: "server",
    stop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
