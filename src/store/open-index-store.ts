import type { Config } from "../config.js";
import type { IndexStore } from "./index-store.js";
import { LocalIndexStore } from "./local-index-store.js";

/** The store the configuration names; PostgreSQL's driver is loaded only when it is used. */
export async function openIndexStore(config: Config): Promise<IndexStore> {
  if (config.store.kind === "local") return new LocalIndexStore(config.indexDir, config.corpusDir);
  const { PostgresIndexStore } = await import("./postgres/postgres-index-store.js");
  return PostgresIndexStore.open(config.store, describeStore(config), config.corpusDir);
}

/** The index's location for messages: the folder, or the database named without credentials. */
export function describeStore(config: Config): string {
  if (config.store.kind === "local") return config.indexDir;
  try {
    const u = new URL(config.store.databaseUrl);
    return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "PostgreSQL";
  }
}
