import { fork, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { PhaseArgs, PhaseName, PhaseResult } from "./phase-registry.js";

const ENTRY = fileURLToPath(new URL("./phase-child.ts", import.meta.url));

/**
 * A million-chunk phase holds several GB of JavaScript objects (the synthetic reports in segment form, the segment's
 * postings while they are laid out), past V8's default old-space limit (4 GB here); the limit is a ceiling, so smaller
 * phases are unaffected. --expose-gc lets a phase free a native hnswlib graph before reading the next.
 */
const PHASE_NODE_OPTIONS = ["--max-old-space-size=16384", "--expose-gc"];

/** Runs one benchmark phase in a fresh Node process and returns what it measured. */
export function runPhase<N extends PhaseName>(name: N, args: PhaseArgs<N>): Promise<PhaseResult<N>> {
  return new Promise((resolve, reject) => {
    const child = fork(ENTRY, [], { execArgv: ["--import", "tsx", ...PHASE_NODE_OPTIONS], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let settled = false;
    child.once("message", (message: { result?: PhaseResult<N>; error?: string }) => {
      settled = true;
      if (message.error !== undefined) reject(new Error(`bench phase ${name}: ${message.error}`));
      else resolve(message.result!);
    });
    child.once("exit", (code) => {
      if (!settled) reject(new Error(`bench phase ${name} exited with code ${code} before reporting`));
    });
    child.send({ name, args });
  });
}

export interface TimedProcess {
  /** Spawn to the first byte on stdout: for `ask`, the answer being printed. */
  firstOutputMs: number;
  exitMs: number;
  code: number | null;
  stdout: string;
}

/** Wall-clock time of a whole process, as a user at a terminal experiences it. */
export function timeProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<TimedProcess> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstOutputMs = NaN;
    let stdout = "";
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (data: Buffer) => {
      if (Number.isNaN(firstOutputMs)) firstOutputMs = performance.now() - t0;
      stdout += data.toString();
    });
    child.stderr.resume();
    child.once("error", reject);
    child.once("close", (code) => resolve({ firstOutputMs, exitMs: performance.now() - t0, code, stdout }));
  });
}
