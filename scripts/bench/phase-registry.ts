/*
 * Phases load lazily so a child process imports only what its phase uses: the engine phase times the import of the
 * product's modules, which must not already be loaded by the harness.
 */
export const PHASES = {
  ingest: async () => (await import("./phases.js")).ingestPhase,
  retrieval: async () => (await import("./phases.js")).retrievalPhase,
  update: async () => (await import("./phases.js")).updatePhase,
  engine: async () => (await import("./engine-phase.js")).enginePhase,
  stores: async () => (await import("./stores-phase.js")).storesPhase,
};

export type PhaseName = keyof typeof PHASES;
type PhaseFunction<N extends PhaseName> = Awaited<ReturnType<(typeof PHASES)[N]>>;
export type PhaseArgs<N extends PhaseName> = Parameters<PhaseFunction<N>>[0];
export type PhaseResult<N extends PhaseName> = Awaited<ReturnType<PhaseFunction<N>>>;
