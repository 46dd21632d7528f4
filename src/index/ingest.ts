import { lstat, stat } from "node:fs/promises";
import path from "node:path";
import pMap from "p-map";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { type DossierEmbeddings, normalize } from "../embeddings/embeddings-contract.js";
import { corpusName } from "../core/corpus-name.js";
import { errorCode } from "../core/error-code.js";
import { fileSystemReason } from "../core/file-system-reason.js";
import { isGone } from "../core/is-gone.js";
import { sentenceId } from "../core/sentence-id.js";
import { shownPath } from "../display/shown-path.js";
import { DossierError } from "../errors.js";
import { onceForDamagedList } from "../formats/source-addresses.js";
import { chunkSentences } from "../text/chunk-sentences.js";
import { segmentSentences } from "../text/segment-sentences.js";
import { TEXT_ANALYSIS_VERSION } from "../text/analysis-version.js";
import type { IndexStore } from "../store/index-store.js";
import { LocalIndexStore } from "../store/local-index-store.js";
import { type ManifestDraft, type PreviousIndex, readStoredReports, type StoredReport, type WriteHooks } from "./index-files.js";
import type { DocumentEmbedder, EmbeddingPool } from "./embedding-pool.js";
import type { IngestLock } from "./ingest-lock.js";
import type { IngestedReport, IngestOptions, IngestSummary, SkippedFile } from "./ingest-summary.js";
import { fingerprintAt, reportFilesIn } from "./list-reports.js";
import { type IngestPlan, planIngest, type PlanSettings, type PreviousState, type ReadFile, vectorsReusable } from "./plan-ingest.js";
import { hashOfReportFile, NOT_A_REPORT_TYPE, readReport, type ReportFile } from "./read-report.js";
import { INDEX_FORMAT_VERSION, type RefusedFile, type ReportRecord } from "./records.js";

export interface IngestContext {
  config: Config;
  embeddings: DossierEmbeddings;
  logger: Logger;
  /** Embeds report sentences on several threads; without it they are embedded one report at a time with `embeddings`. */
  pool?: EmbeddingPool;
  /** Test seam for crashes between writing a generation and making it live; the ingest child tells its parent then. */
  hooks?: WriteHooks;
  /** Where the index lives; the on-disk folder `config.indexDir` when not given. */
  store?: IndexStore;
  /** The store's write lock, when the caller holds it already (it fetched pages into the corpus under it). */
  lock?: IngestLock;
}

export interface IngestRunOptions extends IngestOptions {
  /** Re-embed every report, even unchanged ones (after changing the embedder, chunking or text analysis, or to repair). */
  rebuild?: boolean;
  /**
   * The live index is damaged: write a new generation even if no report changed, re-reading damaged reports from their
   * sources and reusing the intact ones; if not even its list of reports is readable, build from the named paths.
   */
  repair?: boolean;
}

/**
 * Brings the index up to date with the named files and folders: reads them, plans (plan-ingest.ts), then embeds what
 * the plan says and writes a new generation, swapped in only when complete.
 */
export async function ingestPaths(paths: string[], ctx: IngestContext, options: IngestRunOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const { config, embeddings, logger } = ctx;
  const skipped: SkippedFile[] = [];
  const { files, folders, ignored } = await expandPaths(paths, config.corpusDir, skipped);
  const store = ctx.store ?? new LocalIndexStore(config.indexDir, config.corpusDir);

  const underLock = async (lock: IngestLock) => {
    const previous = await readPrevious(store, options.rebuild === true || options.repair === true);
    const settings: PlanSettings = {
      embedder: embeddings.embedder.name,
      chunking: { sentences: config.chunkSentences, overlap: config.chunkOverlap },
      analysis: TEXT_ANALYSIS_VERSION,
      rebuild: options.rebuild === true,
      folders,
      corpusDir: config.corpusDir,
    };
    const named = await Promise.all(files.map((file) => readFileForIngest(file, config.maxReportBytes, config.corpusDir)));
    const state = previous && (await previousState(store, previous, new Set(files), settings, config.maxReportBytes));
    const plan = planIngest(state, named, settings);
    // Part of the summary, which npm run ingest prints as a "repaired" line each (a start says it in its notice): a
    // warning here was a JSON line in the terminal beside "updated" lines for reports nobody had changed.
    if (previous && previous.damaged.length > 0) {
      logger.info({ damaged: previous.damaged.map((r) => r.id) }, "damaged reports in the live index; re-reading them from their sources");
    }

    const results: IngestedReport[] = [];
    const note = (r: IngestedReport) => {
      results.push(r);
      options.onReport?.(r);
    };
    const { records, added, refused: refusedFiles, removed } = await execute(plan, previous, ctx, note);
    const refused = await sayPreviousVersionKept(refusedFiles, records);
    // Part of the summary, which npm run ingest prints as a "kept" line each: a note for the bot's log, not a warning.
    if (plan.missing.length > 0) logger.info({ missing: plan.missing }, "reports kept although their source files are gone");
    const refusals = await rememberRefusals(refused, previous, new Set(files));
    skipped.push(...onceForDamagedList(markSaidBefore(refused, refusals, previous?.manifest?.refused ?? [])));
    const refusalsChanged = JSON.stringify(refusals) !== JSON.stringify(previous?.manifest?.refused ?? []);
    // What the index answers from changed: a report added, updated, removed, moved or read again. Refusals are
    // written down as well (for a start to know the refused files), and an index is written under new settings even
    // with no report in it, but neither is a change to tell: a run whose every file was refused said "Index updated".
    const changed = Boolean(
      options.repair ||
        removed.length > 0 ||
        plan.keep.some((k) => k.moved) ||
        results.some((r) => r.status !== "unchanged") ||
        previous?.damaged.length,
    );
    if (changed || refusalsChanged || !vectorsReusable(state?.built, settings)) {
      const draft: ManifestDraft = {
        formatVersion: INDEX_FORMAT_VERSION,
        embedder: embeddings.embedder,
        chunking: settings.chunking,
        analysis: settings.analysis,
        reports: [...records.values()].sort((a, b) => a.id.localeCompare(b.id)),
        refused: refusals,
        updatedAt: new Date().toISOString(),
      };
      await store.write(draft, added, {
        duringMerge: ctx.hooks?.duringMerge,
        beforeSwap: async () => {
          await ctx.hooks?.beforeSwap?.();
          lock.assertHeld();
        },
      });
      logger.info({ reports: draft.reports.length, removed, skipped: skipped.length }, "index written");
    }
    const damaged = new Set(previous?.damaged.map((r) => r.id));
    const repaired = results.filter((r) => damaged.has(r.id)).map((r) => r.id).sort();
    return { reports: results, removed, missing: plan.missing, repaired, skipped, ignored, changed, ms: performance.now() - started };
  };
  return ctx.lock ? underLock(ctx.lock) : store.withWriteLock(underLock);
}

/**
 * The live index as the plan needs it. An index whose list of reports is unreadable cannot say which reports it held,
 * so only a rebuild or repair (which start from the named files alone) may go on; anything else would drop them
 * silently.
 */
async function readPrevious(store: IndexStore, fromScratch: boolean): Promise<PreviousIndex | undefined> {
  try {
    return await store.readPrevious();
  } catch (error) {
    if (error instanceof DossierError && error.code === "INDEX_UNREADABLE") throw error;
    if (fromScratch) return undefined;
    const detail = error instanceof DossierError ? error.detail : String(error);
    const damaged = (where: string) =>
      `${where} is damaged and its list of reports unreadable (${detail}); nothing was changed. Run \`npm run ingest -- --rebuild\` to rebuild it from the corpus folder.`;
    // Where the index is, for the operator only: the line may be an /ingest reply to a Discord user.
    throw new DossierError("INDEX_CORRUPT", damaged("The index"), { cause: error, detail, forOperator: damaged(`The index at ${store.where}`) });
  }
}

async function previousState(store: IndexStore, previous: PreviousIndex, named: Set<string>, settings: PlanSettings, maxBytes: number): Promise<PreviousState> {
  const built = previous.manifest && { embedder: previous.manifest.embedder.name, chunking: previous.manifest.chunking, analysis: previous.manifest.analysis };
  const existing = new Set<string>();
  for (const r of previous.records) if (!(await isGone(r.source))) existing.add(r.source);
  const intact = previous.intact;
  // Previous reports that cannot be reused as stored and are not named this run are re-read from their source.
  const reuse = vectorsReusable(built, settings);
  const repairs = new Map<string, ReadFile>();
  for (const r of previous.records) {
    if (named.has(r.source) || !existing.has(r.source) || (reuse && intact.has(r.id))) continue;
    repairs.set(r.id, await readFileForIngest(r.source, maxBytes, settings.corpusDir));
  }
  // Whose file is gone, a report is analysed again from the text its stored copy holds (plan-ingest.ts).
  const gone = reuse ? [] : previous.records.filter((r) => !named.has(r.source) && !existing.has(r.source) && intact.has(r.id));
  if (gone.length > 0) {
    // A generation with a damaged segment does not load whole: its reports whose files are gone are dropped, as before.
    const generation = await store.readGeneration().catch(() => undefined);
    const stored = generation ? readStoredReports(generation) : new Map<string, StoredReport>();
    for (const r of gone) {
      const text = stored.get(r.id)?.text;
      if (text !== undefined) repairs.set(r.id, { file: r.source, report: { id: r.id, title: r.title, source: r.source, text, hash: r.hash, origin: r.origin ?? { kind: "text" } } });
    }
  }
  return { records: previous.records, intact, built, existing, repairs };
}

async function execute(plan: IngestPlan, previous: PreviousIndex | undefined, ctx: IngestContext, note: (r: IngestedReport) => void) {
  const records = new Map<string, ReportRecord>();
  /** Reports embedded by this ingest; every other report in `records` stays as the live index holds it. */
  const added = new Map<string, StoredReport>();
  const refused = [...plan.refuse];
  const removed = [...plan.remove];
  for (const { record, named, relinked } of plan.keep) {
    records.set(record.id, record);
    const status = relinked ? "updated" : "unchanged";
    if (named) note({ id: record.id, title: record.title, status, sentences: record.sentenceCount, chunks: record.chunkCount, ms: 0 });
  }
  // One report is embedded here: starting threads and loading the model in each would cost more than they save.
  const pool = plan.embed.length > 1 ? ctx.pool : undefined;
  const embedder: DocumentEmbedder = pool ?? ctx.embeddings;
  // As many reports at once as there are threads to embed them, each noted as soon as it is done.
  await pMap(
    plan.embed,
    async ({ report, status }) => {
      const t0 = performance.now();
      let built: StoredReport;
      try {
        built = await buildReport(report, ctx, embedder);
      } catch (error) {
        // One report that cannot be processed is skipped with its reason; the others are still ingested.
        const reason = error instanceof DossierError ? error.message : `${path.basename(report.source)}: could not be processed (${error instanceof Error ? error.message : String(error)})`;
        // A refusal of ours is already the skipped line its caller prints; only a failure we did not foresee earns a
        // warning with its stack (on a terminal, a refused file was otherwise said twice, once as a JSON stack trace).
        if (error instanceof DossierError) ctx.logger.info({ source: report.source, reason }, "report skipped");
        else ctx.logger.warn({ err: error, source: report.source }, "report skipped");
        refused.push({ file: report.source, reason });
        const oldRecord = previous?.records.find((r) => r.id === report.id);
        // A refused update leaves the previous version of the report in place; a damaged one is gone, and said so.
        if (oldRecord && previous?.intact.has(report.id)) records.set(report.id, oldRecord);
        else if (oldRecord) removed.push(report.id);
        return;
      }
      added.set(report.id, built);
      records.set(report.id, recordOf(report, built));
      note({ id: report.id, title: report.title, status, sentences: built.sentences.length, chunks: built.chunks.length, ms: performance.now() - t0 });
    },
    { concurrency: pool?.size ?? 1 },
  );
  return { records, added, refused, removed };
}

/**
 * A refused new version of a report leaves its previous version in the index, answering as before: its line says so,
 * or it read as if the report were gone. Only a file whose bytes are not the indexed ones is a new version; one
 * refused as it was ingested (its page's address unknown now) is not.
 */
async function sayPreviousVersionKept(refused: SkippedFile[], records: Map<string, ReportRecord>): Promise<SkippedFile[]> {
  const indexed = new Map([...records.values()].map((r) => [r.source, r.hash]));
  const isNewVersion = async (file: string) => {
    const hash = indexed.get(file);
    const now = hash === undefined ? undefined : await hashOfReportFile(file);
    return now !== undefined && now !== hash;
  };
  return Promise.all(refused.map(async (r) => ((await isNewVersion(r.file)) ? { ...r, reason: `${r.reason} (the index keeps its previous version)` } : r)));
}

/**
 * Refusals the ingest before made of the same file, unchanged since (its fingerprint then and now), for the same
 * reason: a start that ingests because another file changed says only what is news (SkippedFile.saidBefore).
 */
function markSaidBefore(refused: SkippedFile[], now: readonly RefusedFile[], before: readonly RefusedFile[]): SkippedFile[] {
  const was = new Map(before.map((r) => [r.source, r]));
  const is = new Map(now.map((r) => [r.source, r]));
  const same = (r: SkippedFile) => {
    const old = was.get(r.file);
    return old !== undefined && old.fingerprint === is.get(r.file)?.fingerprint && old.reason === r.reason;
  };
  return refused.map((r) => (same(r) ? { ...r, saidBefore: true } : r));
}

/** Refusals are remembered (until the file changes) so an unchanged bad file does not look like news at every start. */
async function rememberRefusals(refused: SkippedFile[], previous: PreviousIndex | undefined, lookedAt: Set<string>): Promise<RefusedFile[]> {
  const out = new Map<string, RefusedFile>();
  for (const r of refused) {
    const print = await fingerprintAt(r.file);
    if (print !== undefined) out.set(r.file, { source: r.file, fingerprint: print, reason: r.reason });
  }
  for (const old of previous?.manifest?.refused ?? []) {
    if (out.has(old.source) || lookedAt.has(old.source)) continue;
    if ((await fingerprintAt(old.source)) === old.fingerprint) out.set(old.source, old);
  }
  return [...out.values()].sort((a, b) => a.source.localeCompare(b.source));
}

/**
 * A report file read for the plan, or why not. A failed file-system call is said in words with the file named within
 * the corpus folder: the system's text ("EISDIR: illegal operation on a directory, read", "EACCES: …, open '/srv/…'")
 * means little and names the server's paths, and the line may be an /ingest reply to a Discord user.
 */
async function readFileForIngest(file: string, maxBytes: number, corpusDir: string): Promise<ReadFile> {
  try {
    return { file, report: await readReport(file, maxBytes) };
  } catch (error) {
    if (error instanceof DossierError) return { file, error: error.message };
    const named = corpusName(file, corpusDir) ?? path.basename(file);
    return { file, error: errorCode(error) ? `${named}: ${await pathReason(error as NodeJS.ErrnoException, file)}` : `${path.basename(file)}: ${String(error)}` };
  }
}

/** Segments, chunks and embeds one report. Chunk vectors are the normalised mean of their sentences' vectors. */
async function buildReport(report: ReportFile, ctx: IngestContext, embedder: DocumentEmbedder): Promise<StoredReport> {
  const { id, text } = report;
  const name = path.basename(report.source);
  const spans = segmentSentences(text);
  if (spans.length === 0) throw new DossierError("BAD_REPORT", `${name}: no sentences found (only headings or symbols)`);
  const limit = ctx.config.maxReportSentences;
  if (spans.length > limit) {
    throw new DossierError("BAD_REPORT", `${name}: ${spans.length} sentences is over the ${limit}-sentence limit (MAX_REPORT_SENTENCES); split the report`);
  }
  const sentences = spans.map((s, index) => ({ id: sentenceId(id, index), reportId: id, index, ...s }));
  const windows = chunkSentences(sentences.length, ctx.config.chunkSentences, ctx.config.chunkOverlap);
  const chunks = windows.map((w, i) => ({
    id: `${id}@${i}`,
    reportId: id,
    firstSentence: w.first,
    lastSentence: w.last,
    text: sentences.slice(w.first, w.last + 1).map((s) => s.text).join(" "),
  }));
  // Unit vectors already: the embeddings contract promises them.
  const sentenceVectors = (await embedder.embedDocuments(sentences.map((s) => s.text))).map((v) => Float32Array.from(v));
  const chunkVectors = windows.map((w) => meanVector(sentenceVectors.slice(w.first, w.last + 1)));
  return { id, text, sentences, chunks, sentenceVectors, chunkVectors };
}

function meanVector(vectors: Float32Array[]): Float32Array {
  const dims = vectors[0]!.length;
  const sum = new Array<number>(dims).fill(0);
  for (const v of vectors) for (let i = 0; i < dims; i++) sum[i]! += v[i]!;
  return Float32Array.from(normalize(sum));
}

function recordOf(report: ReportFile, built: StoredReport): ReportRecord {
  return {
    id: report.id,
    title: report.title,
    source: report.source,
    hash: report.hash,
    sentenceCount: built.sentences.length,
    chunkCount: built.chunks.length,
    ingestedAt: new Date().toISOString(),
    origin: report.origin,
  };
}

/**
 * Files named directly are taken whatever their type (and rejected with a reason); folders give their report files.
 * The corpus folder (CORPUS_DIR) must be a folder: a file there is a mistaken setting, not a corpus of one report.
 */
async function expandPaths(paths: string[], corpusDir: string, skipped: SkippedFile[]): Promise<{ files: string[]; folders: string[]; ignored: SkippedFile[] }> {
  const files: string[] = [];
  const folders: string[] = [];
  const ignored = new Map<string, SkippedFile>();
  for (const p of paths) {
    const info = await stat(p).catch((error: unknown) => error as NodeJS.ErrnoException);
    // A path through a file (notes.txt/child) or past a folder it may not read is named with why, not as missing.
    // The file as every other skipped file is given, resolved; the reason names it as typed.
    if (info instanceof Error) skipped.push({ file: path.resolve(p), reason: `${p}: ${await pathReason(info, p)}` });
    else if (!info.isDirectory() && path.resolve(p) === corpusDir) throw corpusNotAFolder(corpusDir);
    else if (info.isDirectory()) {
      folders.push(path.resolve(p));
      const { reports, others } = await reportFilesIn(p);
      files.push(...reports);
      for (const other of others.map((f) => path.resolve(f))) {
        ignored.set(other, { file: other, reason: `${corpusName(other, corpusDir) ?? path.basename(other)}: ${NOT_A_REPORT_TYPE}` });
      }
    } else files.push(p);
  }
  return { files: [...new Set(files.map((f) => path.resolve(f)))], folders, ignored: [...ignored.values()] };
}

function corpusNotAFolder(corpusDir: string): DossierError {
  const line = (folder: string) => `${folder} (CORPUS_DIR) is a file, not a folder; set CORPUS_DIR to the folder that holds the reports.`;
  return new DossierError("INGEST_FAILED", line("The corpus folder"), { forOperator: line(`The corpus folder ${shownPath(corpusDir)}`) });
}

/**
 * Why a path cannot be read: in words when its code says, else the code (ELOOP, EIO), never a guess. A link whose
 * target is gone is there to see in the folder, so "no such file" would send the user looking for it.
 */
async function pathReason(error: NodeJS.ErrnoException, file: string): Promise<string> {
  if (error.code === "ENOENT") {
    const isLink = await lstat(file).then((info) => info.isSymbolicLink(), () => false);
    return isLink ? "a link to a file that is not there" : "no such file or folder";
  }
  return fileSystemReason(error) ?? error.code ?? error.message;
}
