import { afterAll } from "vitest";
import { startTestDatabase, type TestDatabase } from "./postgres-server.js";

export interface StoreUnderTest {
  kind: "local" | "postgres";
  /** For test names. */
  label: string;
  /** Environment (merged into a workspace's) for an empty index in this store: the workspace's own data folder, or a fresh database. */
  freshEnv(): Promise<Record<string, string>>;
}

/**
 * Both index stores, to run a `describe` against each: the local one, and PostgreSQL — the server named by DATABASE_URL when set,
 * otherwise PGlite through pglite-socket, started once per test file on first use and stopped after the file.
 * Call it at the top level of a test file.
 */
export function storesUnderTest(): StoreUnderTest[] {
  let db: Promise<TestDatabase> | undefined;
  afterAll(async () => {
    if (db) await (await db).stop();
  });
  return [
    { kind: "local", label: "local store", freshEnv: async () => ({}) },
    {
      kind: "postgres",
      label: process.env.DATABASE_URL ? "PostgreSQL store (DATABASE_URL)" : "PostgreSQL store (PGlite over pglite-socket)",
      freshEnv: async () => {
        db ??= startTestDatabase();
        return { INDEX_STORE: "postgres", DATABASE_URL: await (await db).fresh(), INDEX_POLL_MS: "100" };
      },
    },
  ];
}
