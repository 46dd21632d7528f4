import { readdir } from "node:fs/promises";
import { loadConfig } from "../../src/config.js";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { createEngine } from "../../src/engine.js";
import { ingestPaths } from "../../src/index/ingest.js";
import { silentLogger } from "../../src/logger.js";
import { openIndexStore } from "../../src/store/open-index-store.js";
import { benchEnv } from "./bench-env.js";
import { startPglite } from "./pglite-server.js";
import { summarize } from "./stats.js";
import { timed } from "./timers.js";

export interface StoresPhaseArgs {
  corpusDir: string;
  indexDir: string;
  dataDir: string;
  questions: string[];
  rounds: number;
}

/**
 * The same corpus and questions through the on-disk index and the PostgreSQL store (DATABASE_URL when set, else
 * PGlite in this process over its socket): ingest, unchanged re-ingest, engine start, warm ask(), and whether every
 * answer is the same.
 */
export async function storesPhase(args: StoresPhaseArgs) {
  const embeddings = new LocalUseEmbeddings();
  await embeddings.embedQuery("warm up");
  const server = process.env.DATABASE_URL;
  const pglite = server ? undefined : await startPglite();
  const env = benchEnv(args);
  const stores = {
    local: loadConfig(env),
    postgres: loadConfig({ ...env, INDEX_STORE: "postgres", DATABASE_URL: server ?? pglite!.url }),
  };
  const answers: Record<string, string[]> = {};
  const measure = async (name: keyof typeof stores) => {
    const config = stores[name];
    const store = await openIndexStore(config);
    const ctx = { config, embeddings, logger: silentLogger, store };
    const ingest = await timed(() => ingestPaths([args.corpusDir], ctx, { rebuild: true }));
    const reingest = await timed(() => ingestPaths([args.corpusDir], ctx));
    await store.close();
    const created = await timed(() => createEngine(config, { embeddings, autoIngest: false }));
    const engine = created.value;
    const asked = [];
    for (let round = 0; round < args.rounds; round++) {
      for (const q of args.questions) asked.push(await engine.ask(q));
    }
    await engine.close();
    answers[name] = asked.map((a) => JSON.stringify([a.text, a.citations.map((c) => c.sentenceId)]));
    return {
      ingestMs: ingest.ms,
      reingestMs: reingest.ms,
      createEngineMs: created.ms,
      retrieve: summarize(asked.map((a) => a.timings.retrieveMs)),
      total: summarize(asked.map((a) => a.timings.totalMs)),
    };
  };
  try {
    const local = await measure("local");
    const postgres = await measure("postgres");
    const same = answers.local!.filter((a, i) => a === answers.postgres![i]).length;
    return {
      database: server ? "PostgreSQL server (DATABASE_URL)" : "PostgreSQL: PGlite over pglite-socket",
      reports: (await readdir(args.corpusDir)).length,
      asks: answers.local!.length,
      sameAnswers: same,
      local,
      postgres,
    };
  } finally {
    await pglite?.stop();
  }
}

export type StoresPhaseResult = Awaited<ReturnType<typeof storesPhase>>;
