import { errorCode } from "../core/error-code.js";
import { createEmbeddings } from "../embeddings/create-embeddings.js";
import { DossierError } from "../errors.js";
import { createLogger } from "../logger.js";
import { openIndexStore } from "../store/open-index-store.js";
import { type IngestJob, type IngestMessage, inProcessRunner } from "./ingest-runner.js";

/** The ingest child process (ingest-runner.ts): one job in, progress and one result out, then it exits. */
const send = (message: IngestMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

process.once("message", async (job: IngestJob) => {
  const logger = createLogger(job.config.logLevel ?? "warn");
  try {
    const embeddings = await createEmbeddings(job.config);
    const store = await openIndexStore(job.config);
    // The worker threads embed; this thread segments, plans and writes.
    // The parent hears of each save before the ingest reads it, and of the generation before it goes live: killed in
    // between, this process cannot put back what it saved, and the parent does.
    const hooks = { beforeSwap: () => send({ type: "committing" }) };
    const summary = await inProcessRunner({ config: job.config, embeddings, logger, store, hooks }, job.config.ingestWorkers)(job.paths, {
      ...job.options,
      onReport: (report) => void send({ type: "report", report }),
      onSaved: (undo) => send({ type: "saved", undo }),
    }).finally(() => store.close());
    await send({ type: "done", summary });
  } catch (error) {
    logger.error({ err: error }, "ingest failed");
    const failure =
      error instanceof DossierError
        ? { code: error.code, message: error.message, detail: error.detail, forOperator: error.forOperator }
        : { message: error instanceof Error ? error.message : String(error), systemCode: errorCode(error) };
    await send({ type: "failed", error: failure });
  } finally {
    // The model's runtime may hold the event loop open; the job is done, so the child ends here.
    process.exit(0);
  }
});
