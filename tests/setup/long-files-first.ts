import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Files that take many seconds of a worker (the whole question bank, real processes, PGlite), longest first. Vitest
 * orders by the durations it cached in node_modules, so on a fresh clone (and in CI, after `npm ci`) it ran small
 * files first by size, and the question-bank file last, alone, while the other worker sat idle for ~15 s.
 */
const LONG_FILES = [
  "tests/e2e/openai-perfect-reader.test.ts",
  "tests/integration/postgres-store.test.ts",
  "tests/integration/quality.test.ts",
  "tests/e2e/postgres-sharded-bot.test.ts",
  "tests/e2e/discord-bot.test.ts",
  "tests/e2e/discord-ingest-load.test.ts",
  "tests/integration/index-integrity.test.ts",
  "tests/e2e/discord-cli.test.ts",
  "tests/integration/incremental-index.test.ts",
  "tests/integration/ingest-child.test.ts",
  "tests/integration/cli.test.ts",
  "tests/integration/embedding-pool.test.ts",
];

export default class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const i = LONG_FILES.indexOf(path.relative(file.project.config.root, file.moduleId).split(path.sep).join("/"));
      return i === -1 ? LONG_FILES.length : i;
    };
    // Stable: every other file keeps Vitest's order.
    return sorted.map((file, i) => ({ file, i })).sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i).map(({ file }) => file);
  }
}
