import { stat } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { type DossierEmbeddings, normalize } from "../embeddings/embeddings-contract.js";
import { sentenceId } from "../core/sentence-id.js";
import type { IngestedReport, IngestOptions, IngestSummary, SkippedFile } from "../engine-types.js";
import { DossierError } from "../errors.js";
import { chunkSentences } from "../text/chunk-sentences.js";
import { segmentSentences } from "../text/segment-sentences.js";
import { readGeneration, type StoredReport, withIngestLock, writeGeneration } from "./index-files.js";
import { fingerprint, reportFilesIn } from "./list-reports.js";
import { readReport, type ReportFile } from "./read-report.js";
import { INDEX_FORMAT_VERSION, type Manifest, type RefusedFile, type ReportRecord } from "./records.js";

export interface IngestContext {
  config: Config;
  embeddings: DossierEmbeddings;
  logger: Logger;
}

export interface IngestRunOptions extends IngestOptions {
  /** Re-embed every report, even unchanged ones (after changing the embedder or chunking). */
  rebuild?: boolean;
}

/**
 * Brings the index up to date with the named files and folders.
 * Rules: a named report whose bytes are unchanged is kept as it is (not embedded again); a changed one replaces its
 * old sentences and chunks; a report already in the index but not named this run is kept while its source file
 * exists and dropped once that file is gone. The new index is swapped in only when complete.
 */
export async function ingestPaths(paths: string[], ctx: IngestContext, options: IngestRunOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const { config, embeddings, logger } = ctx;
  const skipped: SkippedFile[] = [];
  const files = await expandPaths(paths, skipped);

  return withIngestLock(config.indexDir, async () => {
    const previous = await loadPrevious(ctx);
    const chunking = { sentences: config.chunkSentences, overlap: config.chunkOverlap };
    const sameShape =
      previous !== undefined &&
      previous.manifest.embedder.name === embeddings.embedder.name &&
      previous.manifest.chunking.sentences === chunking.sentences &&
      previous.manifest.chunking.overlap === chunking.overlap;
    const reuseVectors = sameShape && !options.rebuild;

    const refused = new Map<string, RefusedFile>();
    const refuse = async (file: string, reason: string) => {
      skipped.push({ file, reason });
      const info = await stat(file).catch(() => undefined);
      if (info) refused.set(file, { source: file, fingerprint: fingerprint(info), reason });
    };
    const records = new Map<string, ReportRecord>();
    const stored = new Map<string, StoredReport>();
    const results: IngestedReport[] = [];
    const note = (r: IngestedReport) => {
      results.push(r);
      options.onReport?.(r);
    };

    for (const file of files) {
      let report: ReportFile;
      try {
        report = await readReport(file, config.maxReportBytes);
      } catch (error) {
        await refuse(file, error instanceof DossierError ? error.message : `${path.basename(file)}: ${String(error)}`);
        continue;
      }
      const clash = records.get(report.id) ?? previous?.records.get(report.id);
      if (clash && clash.source !== report.source && (records.has(report.id) || (await exists(clash.source)))) {
        await refuse(file, `${path.basename(file)}: report id "${report.id}" is already taken by ${clash.source}`);
        continue;
      }
      const old = previous?.records.get(report.id);
      const t0 = performance.now();
      if (old && old.hash === report.hash && reuseVectors) {
        records.set(report.id, { ...old, source: report.source });
        stored.set(report.id, previous!.reports.get(report.id)!);
        note({ id: old.id, title: old.title, status: "unchanged", sentences: old.sentenceCount, chunks: old.chunkCount, ms: performance.now() - t0 });
        continue;
      }
      const built = await buildReport(report.id, report.text, ctx);
      if (built.sentences.length === 0) {
        await refuse(file, `${path.basename(file)}: no sentences found (only headings or symbols)`);
        continue;
      }
      stored.set(report.id, built);
      records.set(report.id, recordOf(report, built));
      note({
        id: report.id,
        title: report.title,
        status: old ? "updated" : "added",
        sentences: built.sentences.length,
        chunks: built.chunks.length,
        ms: performance.now() - t0,
      });
    }

    const removed: string[] = [];
    for (const [id, old] of previous?.records ?? []) {
      if (records.has(id)) continue;
      if (!(await exists(old.source))) {
        removed.push(id);
        continue;
      }
      const t0 = performance.now();
      const kept = reuseVectors ? previous!.reports.get(id)! : await buildReport(id, previous!.reports.get(id)!.text, ctx);
      stored.set(id, kept);
      records.set(id, { ...old, sentenceCount: kept.sentences.length, chunkCount: kept.chunks.length });
      if (!reuseVectors) note({ id, title: old.title, status: "updated", sentences: kept.sentences.length, chunks: kept.chunks.length, ms: performance.now() - t0 });
    }

    // Refusals of files this run did not look at stand while those files are unchanged.
    const lookedAt = new Set(files);
    for (const old of previous?.manifest.refused ?? []) {
      if (refused.has(old.source) || lookedAt.has(old.source)) continue;
      const info = await stat(old.source).catch(() => undefined);
      if (info && fingerprint(info) === old.fingerprint) refused.set(old.source, old);
    }
    const refusedList = [...refused.values()].sort((a, b) => a.source.localeCompare(b.source));
    const refusalsChanged = JSON.stringify(refusedList) !== JSON.stringify(previous?.manifest.refused ?? []);
    const changed = !reuseVectors || removed.length > 0 || refusalsChanged || results.some((r) => r.status !== "unchanged");
    if (changed) {
      const manifest: Manifest = {
        formatVersion: INDEX_FORMAT_VERSION,
        embedder: embeddings.embedder,
        chunking,
        reports: [...records.values()].sort((a, b) => a.id.localeCompare(b.id)),
        refused: refusedList,
        updatedAt: new Date().toISOString(),
      };
      await writeGeneration(config.indexDir, manifest, stored, options.beforeSwap);
      logger.info({ reports: manifest.reports.length, removed, skipped: skipped.length }, "index written");
    }
    return { reports: results, removed, skipped, changed, ms: performance.now() - started };
  });
}

async function loadPrevious(ctx: IngestContext) {
  try {
    const generation = await readGeneration(ctx.config.indexDir);
    return { manifest: generation.manifest, reports: generation.reports, records: new Map(generation.manifest.reports.map((r) => [r.id, r])) };
  } catch (error) {
    if (error instanceof DossierError && error.code === "INDEX_MISSING") return undefined;
    // An unreadable index cannot be reused, but it must not block the rebuild that repairs it.
    ctx.logger.info({ reason: error instanceof Error ? error.message : String(error) }, "previous index unreadable; building a new one");
    return undefined;
  }
}

/** Segments, chunks and embeds one report. Chunk vectors are the normalised mean of their sentences' vectors. */
async function buildReport(id: string, text: string, ctx: IngestContext): Promise<StoredReport> {
  const spans = segmentSentences(text);
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
  const sentenceVectors = (await ctx.embeddings.embedDocuments(sentences.map((s) => s.text))).map((v) => Float32Array.from(v));
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
  };
}

/** Files named directly are taken whatever their type (and rejected with a reason); folders give their .txt/.md files. */
async function expandPaths(paths: string[], skipped: SkippedFile[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info) skipped.push({ file: p, reason: `${p}: no such file or folder` });
    else if (info.isDirectory()) files.push(...(await reportFilesIn(p)));
    else files.push(p);
  }
  return [...new Set(files.map((f) => path.resolve(f)))];
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
