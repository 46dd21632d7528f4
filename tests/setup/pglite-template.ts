import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
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
  writeFileSync(workerData.file + ".part", Buffer.from(await dump.arrayBuffer()));
  renameSync(workerData.file + ".part", workerData.file);
})().catch((error) => writeFileSync(workerData.file + ".failed", String(error)));
`;

/** Makes the run's PGlite template in a thread beside the tests, so no test worker waits for initdb twice. */
export default function setup(project: TestProject): () => Promise<void> {
  if (process.env.DATABASE_URL) {
    project.provide("pgliteTemplate", "");
    return async () => undefined;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "dossier-pglite-template-"));
  const file = path.join(dir, "pglite.tar");
  project.provide("pgliteTemplate", file);
  const worker = new Worker(MAKER, {
    eval: true,
    workerData: { file, pglite: require.resolve("@electric-sql/pglite"), pgvector: require.resolve("@electric-sql/pglite-pgvector") },
  });
  return async () => {
    await worker.terminate();
    rmSync(dir, { recursive: true, force: true });
  };
}
