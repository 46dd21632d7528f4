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

/** A fresh corpus folder (holding the first report unless told otherwise) and data folder under the OS temp dir. */
export function makeWorkspace(options: { withFirstReport?: boolean; env?: Record<string, string> } = {}): Workspace {
  const root = mkdtempSync(path.join(tmpdir(), "dossier-test-"));
  const corpusDir = path.join(root, "corpus");
  mkdirSync(corpusDir);
  if (options.withFirstReport ?? true) copyFileSync(FIRST_REPORT, path.join(corpusDir, path.basename(FIRST_REPORT)));
  const env = { CORPUS_DIR: corpusDir, DATA_DIR: path.join(root, "data"), ...options.env };
  return {
    root,
    corpusDir,
    config: loadConfig({ ...env, LOG_LEVEL: "silent" }),
    env,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
