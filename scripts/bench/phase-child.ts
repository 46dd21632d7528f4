import { PHASES, type PhaseName } from "./phase-registry.js";

// Entry point of a phase's child process (started by child-phase.ts): one request in, one result out.
process.once("message", async ({ name, args }: { name: PhaseName; args: never }) => {
  try {
    const phase = await PHASES[name]();
    const result = await phase(args);
    // Exit as soon as the result is delivered: the embedding runtime can keep the event loop alive indefinitely.
    process.send!({ result }, () => process.exit(0));
  } catch (error) {
    process.send!({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1));
  }
});
