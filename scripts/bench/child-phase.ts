import { fork, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { PhaseArgs, PhaseName, PhaseResult } from "./phase-registry.js";

const ENTRY = fileURLToPath(new URL("./phase-child.ts", import.meta.url));

/** Runs one benchmark phase in a fresh Node process and returns what it measured. */
export function runPhase<N extends PhaseName>(name: N, args: PhaseArgs<N>): Promise<PhaseResult<N>> {
  return new Promise((resolve, reject) => {
    const child = fork(ENTRY, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
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
