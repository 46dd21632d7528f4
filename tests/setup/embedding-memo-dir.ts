import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where this run's test workers share the sentence encoder's results (tests/setup/embedding-memo.ts). */
    embeddingMemoDir: string;
  }
}

/** One empty folder per `vitest run`, removed after it: no vector outlives the run that computed it. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), "dossier-embedding-memo-"));
  project.provide("embeddingMemoDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
