import { rmSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os, { availableParallelism } from "node:os";
import path from "node:path";
import { runPhase, timeProcess } from "./child-phase.js";
import { writeCorpus } from "./corpus-generator.js";
import { machineInfo } from "./machine-info.js";
import { type BenchResults, type LargeArchiveResults, printSummary, type ScanRunResults, writeReports } from "./report-writer.js";
import { summarize } from "./stats.js";
import { parseCli } from "../../src/cli/parse-cli.js";
import { runMain } from "../../src/cli/run-main.js";

const USAGE = `usage: npm run bench -- [--quick] [--docs 100,1000] [--chunks 1000,10000,100000] [--large-only | --scan-only] [--write | --no-write] [--render]
Measures ingest, retrieval, updates, end-to-end latency and memory on this machine; writes docs/benchmarks.md and
docs/benchmarks.json (not with --quick unless --write). --quick: 100 documents and 1k/10k chunks, a CI-sized smoke run.
--large-only: only the synthetic indexes (retrieval, engine over the largest, updates), printed, for sizes like 1,000,000;
with --write, the largest is added to docs/benchmarks.json and docs/benchmarks.md beside the last full run.
--scan-only: only the retrieval phase (graph at the product's efSearch, exact scan, baseline) at each --chunks size;
with --write, added to docs/benchmarks.json and docs/benchmarks.md beside the last full run.
--render: rewrite docs/benchmarks.md from docs/benchmarks.json without measuring.`;
const MD = "docs/benchmarks.md";
const JSON_FILE = "docs/benchmarks.json";

const FIRST_REPORT = "corpus/afghanistan-pakistan-istanbul-talks.txt";
const BANK_REPORTS = "tests/fixtures/bank/reports";
const BANK_QUESTIONS = "tests/fixtures/bank/questions-a.jsonl";
const SEED = 20_251_126;
// A real report added to the large synthetic index (its own words, not the generator's).
const NEW_REPORT = "tests/fixtures/bank/reports/harbour-ceasefire-talks.txt";

runMain(async () => {
  // Like every other script: an unknown flag is one line and the usage, not "unexpected error" with a stack's worth.
  const { values } = parseCli(
    {
      options: {
        quick: { type: "boolean", default: false },
        docs: { type: "string" },
        chunks: { type: "string" },
        write: { type: "boolean" },
        "no-write": { type: "boolean", default: false },
        render: { type: "boolean", default: false },
        "large-only": { type: "boolean", default: false },
        "scan-only": { type: "boolean", default: false },
      },
    },
    USAGE,
  );
  if (values.render) {
    const saved = JSON.parse(await readFile(JSON_FILE, "utf8")) as BenchResults;
    await writeReports(saved, MD, JSON_FILE);
    printSummary(saved);
    return 0;
  }
  const list = (s: string | undefined, fallback: number[]) => (s ? s.split(",").map((x) => Number(x.replace(/_/g, ""))) : fallback);
  const quick = values.quick;
  const options = {
    quick,
    docs: list(values.docs, quick ? [100] : [100, 1000]),
    chunks: list(values.chunks, quick ? [1_000, 10_000] : [1_000, 10_000, 100_000]),
    queries: quick ? 100 : 200,
    coldRuns: quick ? 3 : 5,
    warmRounds: quick ? 3 : 10,
    // 8 questions a round: 200 questions over the largest index.
    bigRounds: quick ? 2 : 25,
    workers: availableParallelism(),
    efSweep: [10, 16, 24, 32, 48, 64, 100, 128, 160, 200, 300, 400],
  };
  const largeOnly = values["large-only"];
  const scanOnly = values["scan-only"];
  const write = values.write ?? (!quick && !largeOnly && !scanOnly && !values["no-write"]);
  const started = performance.now();
  const loadAtStart = os.loadavg();
  const tmp = await mkdtemp(path.join(os.tmpdir(), "dossier-bench-"));
  // A full run leaves about 1 GB of generated indexes in the temporary folder: remove them when interrupted too.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      rmSync(tmp, { recursive: true, force: true });
      process.exit(130);
    });
  }
  const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  try {
    const dirs = (name: string) => ({
      corpusDir: path.join(tmp, name, "corpus"),
      indexDir: path.join(tmp, name, "index"),
      dataDir: path.join(tmp, name, "data"),
    });

    async function smallCorpora() {
    log("first report: ingest");
    const first = dirs("first");
    await mkdir(first.corpusDir, { recursive: true });
    await copyFile(FIRST_REPORT, path.join(first.corpusDir, path.basename(FIRST_REPORT)));
    const firstBytes = (await readFile(FIRST_REPORT)).byteLength;
    const firstIngest = await runPhase("ingest", { ...first, probeQueries: 0, efSweep: [], seed: SEED, workers: 1 });
    const cliIndex = path.join(tmp, "first", "index-cli");
    const cliIngest = await timeProcess(process.execPath, ["--import", "tsx", "src/cli/ingest.ts"], cliEnv(first.corpusDir, cliIndex, first.dataDir));
    if (cliIngest.code !== 0) throw new Error(`ingest CLI failed: ${cliIngest.stdout}`);

    log("first report: bot-like engine, warm ask()");
    const devQuestions = (await readFile("tests/fixtures/dev-questions.jsonl", "utf8"))
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => (JSON.parse(l) as { question: string }).question);
    const questions = ["Who mediated the talks?", ...devQuestions.filter((q) => q !== "Who mediated the talks?")];
    const engine = await runPhase("engine", { ...first, questions, rounds: options.warmRounds });

    log("cold start: ask CLI processes");
    const env = cliEnv(first.corpusDir, first.indexDir, first.dataDir);
    const ask = ["src/cli/ask.ts", "Who mediated the talks?"];
    const runs = async (command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
      const out = [];
      for (let i = 0; i < options.coldRuns; i++) out.push(await timeProcess(command, args, { ...env, ...extraEnv }));
      if (out.some((o) => o.code !== 0)) throw new Error(`${command} ${args.join(" ")} failed`);
      return { firstOutput: summarize(out.map((o) => o.firstOutputMs)), exit: summarize(out.map((o) => o.exitMs)), stdout: out[0]!.stdout };
    };
    const npx = process.platform === "win32" ? "npx.cmd" : "npx";
    const cold = {
      nodeImportTsx: await runs(process.execPath, ["--import", "tsx", ...ask]),
      // tsx caches compiled modules on disk; without it every module is compiled again, as on a first run ever.
      nodeImportTsxNoCache: await runs(process.execPath, ["--import", "tsx", ...ask], { TSX_DISABLE_CACHE: "1" }),
      npxTsx: await runs(npx, ["tsx", ...ask]),
      nodeOnly: await runs(process.execPath, ["-e", "process.stdout.write('.')"]),
      nodeImportTsxOnly: await runs(process.execPath, ["--import", "tsx", "-e", "process.stdout.write('.')"]),
    };

    log("index stores: the question bank through the on-disk index and PostgreSQL");
    const bank = dirs("stores");
    await mkdir(bank.corpusDir, { recursive: true });
    for (const f of await readdir(BANK_REPORTS)) await copyFile(path.join(BANK_REPORTS, f), path.join(bank.corpusDir, f));
    const bankQuestions = (await readFile(BANK_QUESTIONS, "utf8")).split("\n").filter((l) => l.trim() !== "").map((l) => (JSON.parse(l) as { question: string }).question);
    const stores = await runPhase("stores", { ...bank, questions: bankQuestions, rounds: 1 });

    const generated = [];
    for (const docs of options.docs) {
      // The smallest corpus once on one thread and once on the pool, for the throughput the pool adds.
      const threads = docs === Math.min(...options.docs) && options.workers > 1 ? [1, options.workers] : [options.workers];
      for (const workers of threads) {
        log(`generated corpus: ${docs} documents, real USE embeddings, ${workers} embedding thread(s)`);
        const d = dirs(`generated-${docs}-${workers}`);
        const corpus = await writeCorpus(d.corpusDir, docs, SEED + docs);
        const probeQueries = docs === Math.max(...options.docs) ? options.queries : 0;
        generated.push({ docs, bytes: corpus.bytes, ...(await runPhase("ingest", { ...d, probeQueries, efSweep: options.efSweep, seed: SEED, workers })) });
        await rm(path.join(tmp, `generated-${docs}-${workers}`), { recursive: true, force: true });
      }
    }
    return { first, firstBytes, firstIngest, cliIngest, engine, cold, stores, generated };
  }

    if (scanOnly) {
      const retrieval = [];
      for (const chunks of options.chunks) {
        log(`scan: ${chunks} chunks of clustered vectors, graph and exact scan`);
        const d = path.join(tmp, `scan-${chunks}`);
        retrieval.push(await runPhase("retrieval", { chunks, indexDir: path.join(d, "index"), sourcesDir: path.join(d, "sources"), queries: options.queries, efSweep: [], seed: SEED }));
        await rm(d, { recursive: true, force: true });
      }
      const scanRun: ScanRunResults = {
        machine: machineInfo(),
        command: `npm run bench -- --scan-only --chunks ${options.chunks.join(",")}`,
        loadAverage: { start: loadAtStart, end: os.loadavg() },
        retrieval,
        benchMs: performance.now() - started,
      };
      process.stdout.write(`${JSON.stringify(scanRun, null, 2)}\n`);
      if (values.write) {
        const saved = JSON.parse(await readFile(JSON_FILE, "utf8")) as BenchResults;
        await writeReports({ ...saved, scanRun }, MD, JSON_FILE);
        log(`added the scan run to ${MD} and ${JSON_FILE}`);
      }
      return 0;
    }

    const small = largeOnly ? undefined : await smallCorpora();
    const retrieval = [];
    const largest = Math.max(...options.chunks);
    for (const chunks of options.chunks) {
      log(`retrieval: ${chunks} chunks of clustered vectors (HNSW build included)`);
      const indexDir = path.join(tmp, `chunks-${chunks}`, "index");
      const sourcesDir = path.join(tmp, `chunks-${chunks}`, "sources");
      retrieval.push(await runPhase("retrieval", { chunks, indexDir, sourcesDir, queries: options.queries, efSweep: options.efSweep, seed: SEED }));
      if (chunks !== largest) await rm(path.join(tmp, `chunks-${chunks}`), { recursive: true, force: true });
    }

    log(`memory: bot-like engine over the ${largest}-chunk synthetic index`);
    const big = { corpusDir: path.join(tmp, "empty-corpus"), indexDir: path.join(tmp, `chunks-${largest}`, "index"), dataDir: path.join(tmp, "big-data") };
    await mkdir(big.corpusDir, { recursive: true });
    const bigEngine = await runPhase("engine", { ...big, questions: syntheticQuestions(), rounds: options.bigRounds });

    log(`updates: add, change and remove one report of the ${largest}-chunk index`);
    const newReport = path.join(tmp, "new-report", path.basename(NEW_REPORT));
    await mkdir(path.dirname(newReport), { recursive: true });
    await copyFile(NEW_REPORT, newReport);
    const updates = await runPhase("update", { ...big, sourcesDir: path.join(tmp, `chunks-${largest}`, "sources"), newReport });
    if (!small) {
      const large: LargeArchiveResults = {
        machine: machineInfo(),
        command: `npm run bench -- --large-only --chunks ${options.chunks.join(",")}`,
        loadAverage: { start: loadAtStart, end: os.loadavg() },
        retrieval: retrieval.at(-1)!,
        engine: bigEngine,
        updates,
        benchMs: performance.now() - started,
      };
      process.stdout.write(`${JSON.stringify(large, null, 2)}\n`);
      if (values.write) {
        const saved = JSON.parse(await readFile(JSON_FILE, "utf8")) as BenchResults;
        await writeReports({ ...saved, largeArchive: large }, MD, JSON_FILE);
        log(`added the ${largest}-chunk run to ${MD} and ${JSON_FILE}`);
      }
      return 0;
    }
    const { firstIngest, firstBytes, cliIngest, engine, cold, stores, generated } = small;

    // Large-only and scan-only runs are run apart (with --write): a full run keeps the last of each.
    const kept = write ? await saved() : undefined;
    const results: BenchResults = {
      machine: machineInfo(),
      options,
      commands: [quick ? "npm run bench -- --quick" : "npm run bench", "node --import tsx scripts/bench/main.ts"],
      firstReport: { file: FIRST_REPORT, bytes: firstBytes, ...firstIngest, cliIngestMs: cliIngest.exitMs },
      generated,
      retrieval,
      cold,
      engine,
      bigEngine,
      stores,
      updates,
      benchMs: performance.now() - started,
      largeArchive: kept?.largeArchive,
      scanRun: kept?.scanRun,
    };
    printSummary(results);
    if (write) {
      await writeReports(results, MD, JSON_FILE);
      log(`wrote ${MD} and ${JSON_FILE}`);
    }
    return 0;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
});

/** The last saved results, whose apart runs (large-only, scan-only) a full run keeps. */
async function saved(): Promise<BenchResults | undefined> {
  try {
    return JSON.parse(await readFile(JSON_FILE, "utf8")) as BenchResults;
  } catch {
    return undefined;
  }
}

/** The CLI's environment without anything that would switch it to a chat model or remote embeddings. */
function cliEnv(corpusDir: string, indexDir: string, dataDir: string): NodeJS.ProcessEnv {
  const { OPENAI_API_KEY: _key, OPENAI_BASE_URL: _url, ...rest } = process.env;
  return { ...rest, CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, DATA_DIR: dataDir, ANSWER_MODE: "extractive", EMBEDDINGS: "local", LOG_LEVEL: "warn" };
}

/** Questions over the synthetic index's vocabulary, so retrieval, ranking and answering all do their full work. */
function syntheticQuestions(): string[] {
  return [
    "Who mediated the talks on grain exports?",
    "How many displaced families were affected in Valmora?",
    "What did the finance minister of Selvik say about fuel subsidies?",
    "When will the next round of talks on fishing rights open?",
    "Why did the delegation from Port Aldane walk out?",
    "What caused the delay in Dunmere?",
    "Which body approved trucks of aid for Tirzan?",
    "What did analysts expect to dominate the summit in Karth?",
  ];
}
