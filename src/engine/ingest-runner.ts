import { fork } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Config } from "../config.js";
import type { IngestSummary } from "../engine-types.js";
import { errorCode } from "../core/error-code.js";
import { DossierError, type DossierErrorCode } from "../errors.js";
import { createEmbeddingPool } from "../index/embedding-pool.js";
import { type IngestContext, ingestPaths, type IngestRunOptions } from "../index/ingest.js";
import { LOCK_STALE_MS } from "../index/ingest-lock.js";
import type { IndexStore } from "../store/index-store.js";
import { LocalIndexStore } from "../store/local-index-store.js";
import { type IngestPagesOptions, ingestWithPages } from "./ingest-pages.js";
import { putBackAll, type SaveUndo } from "./save-report.js";
import { isUrl } from "./url-reports.js";

/** Runs one ingest (under the index's cross-process lock) and says what it did. */
export type IngestRunner = (paths: string[], options: IngestJobOptions) => Promise<IngestSummary>;

/** An ingest's options, with the uploads it saves into the corpus folder before it reads them (ingest-pages.ts). */
export type IngestJobOptions = IngestRunOptions & Pick<IngestPagesOptions, "uploads" | "onSaved">;

/**
 * In this process: for start-up (nothing is answering yet), `npm run ingest`, the ingest child, and callers that
 * bring their own embeddings. With `workers` over one (INGEST_WORKERS) the reports are embedded on that many worker
 * threads, started as reports reach them and ended with the run, so an idle engine holds no copies of the model.
 * One worker gains nothing over this thread; threads make their own model from the configuration, so a caller with
 * injected embeddings passes 1. A page by URL among the paths (one added from chat) or an upload is saved, ingested
 * and, if refused, put back under one hold of the lock (ingest-pages.ts); a caller holding the lock saved its own.
 */
export function inProcessRunner(ctx: Omit<IngestContext, "pool">, workers: number): IngestRunner {
  const run = async (paths: string[], options: IngestRunOptions, lock = ctx.lock) => {
    const pool = workers > 1 ? createEmbeddingPool(ctx.config, workers) : undefined;
    try {
      return await ingestPaths(paths, { ...ctx, lock, pool }, options);
    } finally {
      await pool?.close();
    }
  };
  return (paths, { uploads, onSaved, ...options }) => {
    if (ctx.lock || (!paths.some(isUrl) && uploads === undefined)) return run(paths, options);
    const store = ctx.store ?? new LocalIndexStore(ctx.config.indexDir, ctx.config.corpusDir);
    return store.withWriteLock((lock) => ingestWithPages(paths, ctx.config, lock, (files) => run(files, options, lock), { failOnFetch: true, uploads, onSaved }));
  };
}

/** What the parent sends the ingest child, and what the child sends back. */
export interface IngestJob {
  config: Config;
  paths: string[];
  options: Pick<IngestJobOptions, "rebuild" | "repair" | "uploads">;
}
export type IngestMessage =
  | { type: "report"; report: Parameters<NonNullable<IngestRunOptions["onReport"]>>[0] }
  /** A page or upload was saved into the corpus folder, and how to undo it: the parent does, if the child is killed. */
  | { type: "saved"; undo: SaveUndo }
  /** The new generation is about to go live: from here a save is the index's, not to be undone. */
  | { type: "committing" }
  | { type: "done"; summary: IngestSummary }
  | { type: "failed"; error: IngestFailure };
/** Our error as it was, or any other by its system code (EIO) and its own text, which may hold a path on the server. */
export type IngestFailure = { code?: DossierErrorCode; message: string; detail?: string; forOperator?: string; systemCode?: string };

const CHILD = fileURLToPath(new URL("./ingest-child.ts", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/**
 * In a child process, so segmentation, embedding and index building never block the process that answers questions
 * (and a report that exhausts memory takes down only the child). The child writes the new generation; the caller
 * swaps it in. A child that dies or is killed after saving a page or an upload into the corpus cannot put it back, so
 * this process does, once the child is gone (see `putBackForDeadChild`).
 */
export function childProcessRunner(config: Config, store: IndexStore): IngestRunner {
  return (paths, options) =>
    new Promise<IngestSummary>((resolve, reject) => {
      // Structured clone, not JSON, so an upload's bytes cross as bytes rather than as an array of numbers.
      const child = fork(CHILD, [], { execArgv: ["--import", TSX], stdio: ["ignore", "inherit", "inherit", "ipc"], serialization: "advanced" });
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      const saves: SaveUndo[] = [];
      let committing = false;
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(limit);
        fn();
      };
      /** The child ended without saying so: what it saved and had not made the index's is put back first. */
      const died = (error: DossierError) =>
        settle(() => {
          if (saves.length === 0 || committing) return reject(error);
          exited.then(() => putBackForDeadChild(store, saves)).then(
            () => reject(error),
            (failure: unknown) => reject(notPutBack(error, failure)),
          );
        });
      // A file that makes a reader loop would otherwise hold the ingest queue, and every /ingest after it, for ever.
      const limit = setTimeout(() => {
        died(new DossierError("INGEST_FAILED", `The ingest took longer than ${Math.round(config.ingestTimeoutMs / 1000)} s (INGEST_TIMEOUT_MS) and was stopped; the index was not changed.`));
        child.kill("SIGKILL");
      }, config.ingestTimeoutMs);
      child.on("message", (message: IngestMessage) => {
        if (message.type === "report") options.onReport?.(message.report);
        else if (message.type === "saved") saves.push(message.undo);
        else if (message.type === "committing") committing = true;
        else if (message.type === "done") settle(() => resolve(message.summary));
        else settle(() => reject(ingestFailed(message.error)));
      });
      child.on("error", (error) => settle(() => reject(new DossierError("INGEST_FAILED", `Could not start the ingest (${error.message}).`, { cause: error }))));
      child.on("exit", (code, signal) => died(new DossierError("INGEST_FAILED", `The ingest stopped unexpectedly (${signal ?? `exit code ${code}`}); the index was not changed.`)));
      const job: IngestJob = { config, paths, options: { rebuild: options.rebuild, repair: options.repair, uploads: options.uploads } };
      child.send(job);
    });
}

/**
 * Puts back what a dead ingest child saved, under the index's lock like any change to the corpus. A child killed
 * while it held the lock is seen gone at once where its process can be checked (lock-holder.ts); elsewhere its lock
 * goes stale (LOCK_STALE_MS) before anyone may take it, and another ingest may hold it, so BUSY is waited out, for up
 * to twice that; another ingest that takes the lock first may have read the saved files meanwhile.
 */
async function putBackForDeadChild(store: IndexStore, saves: readonly SaveUndo[]): Promise<void> {
  const until = Date.now() + 2 * LOCK_STALE_MS;
  for (;;) {
    try {
      return await store.withWriteLock(() => putBackAll(saves));
    } catch (error) {
      if (!(error instanceof DossierError && error.code === "BUSY") || Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** The child's end, and that what it saved into the corpus folder is still there, in one line. */
function notPutBack(error: DossierError, failure: unknown): DossierError {
  const why = failure instanceof DossierError ? failure.message : (errorCode(failure) ?? "an unexpected error");
  return new DossierError("INGEST_FAILED", `${error.message} What it saved into the corpus folder could not be removed again (${why}).`, { cause: failure });
}

/**
 * The error the child sent, for the caller. Ours are shown as they are; any other is named by its system code alone,
 * since its text ("EIO: i/o error, open '/srv/…'") names paths on the server and the line may go to a Discord user.
 * The text stays in the detail and the cause, for the log.
 */
export function ingestFailed({ code, message, detail, forOperator, systemCode }: IngestFailure): DossierError {
  if (code) return new DossierError(code, message, { detail, forOperator });
  return new DossierError("INGEST_FAILED", `The ingest failed (${systemCode ?? "an unexpected error"}); the index was not changed.`, {
    detail: message,
    cause: Object.assign(new Error(message), systemCode && { code: systemCode }),
  });
}
