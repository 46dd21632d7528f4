import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A dump of a new PGlite's data folder, once it exists (or `<file>.failed`); "" when DATABASE_URL names a server. */
    pgliteTemplate: string;
  }
}

const require = createRequire(import.meta.url);

// A new PGlite runs initdb, about 3 s of CPU; one started from a dump of another's data folder takes under one.
const MAKER = `
const { workerData } = require("node:worker_threads");
const { renameSync, writeFileSync } = require("node:fs");
(async () => {
  const { PGlite } = require(workerData.pglite);
  const { vector } = require(workerData.pgvector);
  const db = await PGlite.create({ extensions: { vector } });
  const dump = await db.dumpDataDir("none");
  await db.close();
  const part = workerData.file + "." + process.pid + ".part";
  writeFileSync(part, Buffer.from(await dump.arrayBuffer()));
  renameSync(part, workerData.file);
})().catch((error) => writeFileSync(workerData.file + ".failed", String(error)));
`;

/**
 * Makes the PGlite template in a thread beside the tests, so no test worker waits for initdb twice, and keeps it
 * under node_modules/.cache for the next run: initdb's output depends only on the PGlite and pgvector packages and on
 * the code above that makes it, whose versions and hash name the file, and each test worker still starts a real
 * PGlite from it. A fresh clone (and CI) pays initdb once, on its first run.
 */
export default function setup(project: TestProject): () => Promise<void> {
  if (process.env.DATABASE_URL) {
    project.provide("pgliteTemplate", "");
    return async () => undefined;
  }
  const pglite = require.resolve("@electric-sql/pglite");
  const pgvector = require.resolve("@electric-sql/pglite-pgvector");
  const cacheDir = path.join(project.config.root, "node_modules/.cache/dossier-tests");
  const maker = createHash("sha256").update(MAKER).digest("hex").slice(0, 12);
  const file = path.join(cacheDir, `pglite-${packageVersion(pglite)}-pgvector-${packageVersion(pgvector)}-${maker}.tar`);
  project.provide("pgliteTemplate", file);
  if (existsSync(file)) return async () => undefined;
  mkdirSync(cacheDir, { recursive: true });
  // A failure is reported beside the file, for this run only (tests/helpers/postgres-server.ts reads it).
  rmSync(`${file}.failed`, { force: true });
  const worker = new Worker(MAKER, { eval: true, workerData: { file, pglite, pgvector } });
  return async () => {
    await worker.terminate();
    rmSync(`${file}.failed`, { force: true });
    // A run stopped while the dump was being written leaves its part behind (a finished dump was renamed away); only
    // this run's: another run in the same checkout may be writing its own. The maker thread shares this process's id.
    rmSync(`${file}.${process.pid}.part`, { force: true });
  };
}

/** The version in the package.json above a package's resolved entry file. */
function packageVersion(entry: string): string {
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
    if (name && version) return version;
  }
  throw new Error(`no package.json with a version above ${entry}`);
}
