import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Config, loadConfig } from "../../src/config.js";

export const FIRST_REPORT = path.resolve("corpus/afghanistan-pakistan-istanbul-talks.txt");

export interface Workspace {
  root: string;
  corpusDir: string;
  config: Config;
  /** Extra environment (as for a child process) that points Dossier at this workspace. */
  env: Record<string, string>;
  cleanup: () => void;
}

/**
 * A fresh corpus folder (holding the first report unless told otherwise) and data folder under the OS temp dir, ingested
 * on one thread unless `env` says otherwise.
 */
export function makeWorkspace(options: { withFirstReport?: boolean; env?: Record<string, string> } = {}): Workspace {
  const root = mkdtempSync(path.join(tmpdir(), "dossier-test-"));
  const corpusDir = path.join(root, "corpus");
  mkdirSync(corpusDir);
  if (options.withFirstReport ?? true) copyFileSync(FIRST_REPORT, path.join(corpusDir, path.basename(FIRST_REPORT)));
  // One embedding thread unless a test asks for more: worker threads load the model themselves and bypass the suite's
  // shared encoder memo (tests/setup/embedding-memo.ts), and the machine has two cores for both test workers.
  const env = { CORPUS_DIR: corpusDir, DATA_DIR: path.join(root, "data"), INGEST_WORKERS: "1", ...options.env };
  return {
    root,
    corpusDir,
    config: loadConfig({ ...env, LOG_LEVEL: "silent" }),
    env,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
