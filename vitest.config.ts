import { accessSync, constants, mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import LongFilesFirst from "./tests/setup/long-files-first.js";

// Tests write thousands of small files (workspaces, indexes written with fsync, the encoder memo's batches): in a
// folder in memory rather than on disk, when the machine has one and TMPDIR is not set. Child processes inherit it.
const MEMORY_TMP = "/dev/shm/dossier-tests";
if (!process.env.TMPDIR) {
  try {
    accessSync("/dev/shm", constants.W_OK);
    mkdirSync(MEMORY_TMP, { recursive: true });
    process.env.TMPDIR = MEMORY_TMP;
  } catch {
    // No /dev/shm (macOS, some containers): the system's temporary folder.
  }
}

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "src/**/*.test.ts"],
    // The embedding model and hnswlib are real in tests: allow for model load and index builds on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // A young generation four times V8's default: the workers allocate fast (vectors, features, answers) and spent
    // about 6 s of a run's CPU collecting it; measured on the quality and PostgreSQL files, 3.3 s -> 2.4 s.
    execArgv: ["--max-semi-space-size=64"],
    // Vitest's default is one worker fewer than the cores: on the 2-core machine the suite ran on one core.
    maxWorkers: availableParallelism(),
    // Test files share their worker's modules, so the sentence encoder (~30 MB of weights) and the tokenizer load
    // once per worker rather than once per file: 40 % less CPU for the whole suite. Files must not rely on fresh
    // module state; each makes its own temporary folders and engines.
    isolate: false,
    // The two workers finish together only if the longest files start first, whether or not Vitest has timings cached.
    sequence: { sequencer: LongFilesFirst },
    // The encoder's results are shared by every file of a run (each distinct batch still computed by the real model),
    // and each worker's PGlite starts from a data folder made once and kept under node_modules/.cache between runs.
    globalSetup: ["tests/setup/embedding-memo-dir.ts", "tests/setup/pglite-template.ts"],
    setupFiles: ["tests/setup/embedding-memo.ts"],
  },
});
