import type { Answer } from "../../src/answer/answer.js";
import { benchEnv } from "./bench-env.js";
import { summarize } from "./stats.js";
import { peakRssMb, rssMb, timed } from "./timers.js";

export interface EnginePhaseArgs {
  corpusDir: string;
  indexDir: string;
  dataDir: string;
  questions: string[];
  rounds: number;
}

/**
 * A bot-like process: engine created with the product defaults over an existing index, one cold question, then
 * warm questions; RSS read at each stage. `processStartToPhaseMs` is Node and tsx start-up before our code runs.
 */
export async function enginePhase(args: EnginePhaseArgs) {
  const startedAtMs = performance.now();
  const imported = await timed(async () => {
    const [{ createEngine }, { loadConfig }] = await Promise.all([import("../../src/engine.js"), import("../../src/config.js")]);
    return { createEngine, config: loadConfig(benchEnv(args)) };
  });
  // CPU time beside wall time: on a machine shared with other work, wall time also counts waiting for a core.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const cpuBeforeCreate = cpu();
  const created = await timed(() => imported.value.createEngine(imported.value.config));
  const createEngineCpuMs = cpu() - cpuBeforeCreate;
  const engine = created.value;
  const rssEngineMb = rssMb();
  const cold = await timed(() => engine.ask(args.questions[0]!));
  const rssAfterFirstAnswerMb = rssMb();
  const asks: Answer[] = [];
  const cpuBeforeAsks = cpu();
  for (let round = 0; round < args.rounds; round++) {
    for (const q of args.questions) asks.push(await engine.ask(q));
  }
  const warmCpuMsPerAsk = (cpu() - cpuBeforeAsks) / asks.length;
  const pick = (key: "embedMs" | "retrieveMs" | "answerMs" | "totalMs") => summarize(asks.map((a) => a.timings[key]));
  const warm = { embed: pick("embedMs"), retrieve: pick("retrieveMs"), answer: pick("answerMs"), total: pick("totalMs") };
  const answered = asks.filter((a) => !a.abstained).length;
  await engine.close();
  return {
    reports: engine.reports().length,
    chunks: engine.reports().reduce((n, r) => n + r.chunkCount, 0),
    processStartToPhaseMs: startedAtMs,
    importEngineMs: imported.ms,
    createEngineMs: created.ms,
    createEngineCpuMs,
    warmCpuMsPerAsk,
    firstAsk: { ms: cold.ms, timings: cold.value.timings, text: cold.value.text.slice(0, 160), abstained: cold.value.abstained },
    warm,
    warmAsks: asks.length,
    answeredShare: answered / asks.length,
    rssEngineMb,
    rssAfterFirstAnswerMb,
    rssIdleMb: rssMb(),
    peakRssMb: peakRssMb(),
  };
}


export type EnginePhaseResult = Awaited<ReturnType<typeof enginePhase>>;
