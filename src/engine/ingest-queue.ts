import type { IngestSummary } from "../engine-types.js";
import type { IngestJobOptions, IngestRunner } from "./ingest-runner.js";

/**
 * Ingests one at a time, in order of arrival; after each that changed the index, `swapIn` loads the new generation
 * (answers meanwhile come from the old one).
 */
export function createIngestQueue(run: IngestRunner, swapIn: () => Promise<void>) {
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    ingest: (paths: string[], options: IngestJobOptions = {}): Promise<IngestSummary> =>
      inTurn(async () => {
        const summary = await run(paths, options);
        if (summary.changed) await swapIn();
        return summary;
      }),
    /** Another change to the index (removing a report), in turn with the ingests, then swapped in. */
    change: <T>(work: () => Promise<T>): Promise<T> =>
      inTurn(async () => {
        const result = await work();
        await swapIn();
        return result;
      }),
    /** Resolves once every queued ingest has ended. */
    drained: () => tail.then(() => undefined),
  };
}
