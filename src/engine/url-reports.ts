import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.js";
import { corpusName } from "../core/corpus-name.js";
import { isGone } from "../core/is-gone.js";
import type { SkippedFile } from "../engine-types.js";
import { DossierError } from "../errors.js";
import { extractReport, precheckReport, readerFor } from "../formats/read-format.js";
import { fetchedFiles, forgetAddress, rememberAddress } from "../formats/source-addresses.js";
import type { IngestLock } from "../index/ingest-lock.js";
import { reportIdFromPath } from "../index/read-report.js";
import { fetchReportUrl } from "../net/fetch-report.js";
import { pathProblem } from "./path-problem.js";
import { type SavedReport, savedReport, saveReport } from "./save-report.js";

/** Reports fetched by URL are kept in this folder of the corpus, each file with its address in `.sources.json`. */
export function webFolder(config: Config): string {
  return path.join(config.corpusDir, "web");
}

/**
 * An address rather than a path, to be refused or fetched as one: "javascript:alert(1)" or "mailto:…" has no "//" but
 * is no file either, and was refused as "no such file or folder". A one-letter scheme is a Windows drive ("C:\…").
 */
export function isUrl(arg: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(arg) || /^(javascript|vbscript|data|mailto|about|blob|tel|sms|urn):/i.test(arg);
}

/**
 * Fetches a report by URL under the safe-fetch rules, checks what can be checked without parsing, and saves it into
 * the web folder with its address remembered; `rollback` puts the folder back as it was (the ingest refuses what it
 * cannot read). An address saved before is saved over its report again, wherever it now leads (see `fileNameFor`).
 * Under the index's write lock, as is the rollback: the addresses are read and written with the ingest's.
 */
export async function saveUrlReport(url: string, config: Config, lock: IngestLock): Promise<SavedReport> {
  const fetched = await fetchReportUrl(url, config);
  const dir = webFolder(config);
  const reader = readerFor(new URL(fetched.url).pathname, fetched.contentType)!;
  const { files: known } = await fetchedFiles(dir).catch((error: unknown) => {
    // A damaged list is refused, not taken for an empty one that the save would write over.
    if (error instanceof DossierError) throw new DossierError(error.code, `${fetched.url}: could not be saved (${error.message})`, { cause: error });
    throw notSaved(error, fetched.url, config);
  });
  const fileName = fileNameFor(url, fetched.url, reader.extensions, known);
  // The same address saved before in another format: its file is replaced, so that its report is updated.
  const replaced = known.find((f) => f.requested === url && path.basename(f.file) !== fileName && reportIdFromPath(f.file) === reportIdFromPath(fileName));
  // An update is put back as it was by a rollback, the address its links used included.
  const previous = known.find((f) => path.basename(f.file) === fileName) ?? replaced;
  const isNew = previous === undefined;
  precheckReport(fetched.bytes, fileName, config.maxReportBytes, fetched.contentType);
  let saved: SavedReport | undefined;
  // The fetch may have outlasted the lock (taken over as stale): then another ingest owns the folder now.
  lock.assertHeld();
  try {
    await mkdir(dir, { recursive: true });
    saved = await saveReport(dir, fileName, fetched.bytes, replaced && path.basename(replaced.file));
    await rememberAddress(saved.path, fetched.url, url);
    if (replaced) await forgetAddress(replaced.file);
  } catch (error) {
    // A page saved without its address would be ingested later as a plain file, with no link back to it. If it
    // cannot be removed either, the save's failure is still the one reported, and the user is told what is left. An
    // update whose old version cannot be put back still has its address (the save failed before changing it): it is
    // the user's report, with newer bytes, and telling them to remove it would lose it.
    const leftBehind = await (saved?.rollback().then(() => false, () => true) ?? false);
    const left = leftBehind && isNew ? `; ${corpusName(path.join(dir, fileName), config.corpusDir)} is left without its address, remove it` : "";
    throw notSaved(error, fetched.url, config, left);
  }
  return savedReport(saved.path, {
    files: saved.undo.files,
    forget: isNew || replaced ? saved.path : undefined,
    remember: isNew ? undefined : { file: previous.file, url: previous.url, requested: previous.requested },
  });
}

/** Why a fetched page was not saved, in one line, when it is a path in the corpus folder; any other error as it is. */
function notSaved(error: unknown, url: string, config: Config, left = ""): unknown {
  const problem = pathProblem(error, config.corpusDir);
  if (problem === undefined) return error;
  return new DossierError("INGEST_FAILED", `${url}: could not be saved (${problem})${left}`, { cause: error });
}

/**
 * Fetches every report that came from a URL again, from the address the user gave (where it redirects may have
 * changed), under the same address policy as any fetch. A page whose bytes or extracted text are unchanged is left as
 * it is (so it is not embedded again; pages often differ only in ads or timestamps), unless it is now elsewhere: then
 * only where it is is remembered, and it is among `changed`, since its links change. A changed page is saved over the
 * old file, with where it now is remembered for its links. A page that cannot be fetched now keeps its last version,
 * with the reason among `skipped`; one whose file is gone is not fetched, and its address is forgotten. An entry of
 * `.sources.json` that names no plain file of the web folder is not fetched, with why among `skipped`: its page would
 * be written wherever the name points. Under the index's write lock, as are the rollbacks.
 */
export async function refreshUrlReports(config: Config, lock: IngestLock): Promise<{ changed: SavedReport[]; unchanged: string[]; skipped: SkippedFile[] }> {
  const changed: SavedReport[] = [];
  const unchanged: string[] = [];
  const skipped: SkippedFile[] = [];
  const { files, unusable } = await fetchedFiles(webFolder(config)).catch((error: unknown) => {
    throw listUnreadable(error, config, "no page was fetched again");
  });
  const list = path.join(webFolder(config), ".sources.json");
  for (const { name, reason } of unusable) {
    skipped.push({ file: list, reason: `${corpusName(list, config.corpusDir)}: the entry ${JSON.stringify(name)} ${reason}, so it was not fetched (fix or remove it)` });
  }
  for (const { file, url, requested } of files) {
    // A lock taken over as stale (this process stalled) belongs to another ingest now, and the folder with it.
    lock.assertHeld();
    // A page whose file is gone was removed (an address can outlive its file when forgetting it failed, or the
    // process died, after the removal went live); fetching it again would bring the removed report back. Forgetting
    // it here is tidying only: while the file is missing the page is skipped all the same.
    if (await isGone(file)) {
      await forgetAddress(file).catch(() => undefined);
      continue;
    }
    try {
      const fetched = await fetchReportUrl(requested, config);
      const old = await readFile(file).catch(() => undefined);
      const name = path.basename(file);
      const options = { url: fetched.url, contentType: fetched.contentType };
      const fresh = await extractReport(fetched.bytes, name, config.maxReportBytes, options);
      const before = old && (await extractReport(old, name, config.maxReportBytes, { url }).catch(() => undefined));
      if (before && before.text === fresh.text && before.title === fresh.title) {
        if (fetched.url === url) unchanged.push(file);
        else {
          // The same text at another address (a short link or a redirect that moved): its citations must link there.
          await rememberAddress(file, fetched.url, requested);
          changed.push(savedReport(file, { files: [], remember: { file, url, requested } }));
        }
        continue;
      }
      // A page now sent in another format (a PDF where there was HTML) is saved as that format, over its old file.
      const fileName = inFormat(name, readerFor(name, fetched.contentType)!.extensions);
      const saved = await saveReport(path.dirname(file), fileName, fetched.bytes, name);
      // The new text and where it now is go together: kept alone, the text would be cited with links to the old place.
      const remembered = async () => {
        await rememberAddress(saved.path, fetched.url, requested);
        if (saved.path !== file) await forgetAddress(file);
      };
      await remembered().catch(async (error: unknown) => {
        await saved.rollback();
        throw error;
      });
      // A refused update is put back as it was, the address its links used included.
      changed.push(savedReport(saved.path, { files: saved.undo.files, forget: saved.path !== file ? saved.path : undefined, remember: { file, url, requested } }));
    } catch (error) {
      if (!(error instanceof DossierError)) throw error;
      skipped.push({ file: requested, reason: `${error.message} (kept the version fetched before)` });
    }
  }
  return { changed, unchanged, skipped };
}

/**
 * Checks, before any page is fetched, that the web folder's list of addresses can be read: one that cannot stops an
 * ingest of pages in one line, which each page's save said again.
 */
export async function checkAddressList(config: Config): Promise<void> {
  await fetchedFiles(webFolder(config)).catch((error: unknown) => {
    throw listUnreadable(error, config, "no page was fetched");
  });
}

/** A list of addresses that cannot be read (damaged, or a folder in its way) stops pages being fetched, in one line. */
function listUnreadable(error: unknown, config: Config, outcome: string): unknown {
  if (error instanceof DossierError) return new DossierError(error.code, `${error.message}; ${outcome}`, { cause: error, detail: error.detail, forOperator: `${error.forOperator}; ${outcome}` });
  const problem = pathProblem(error, config.corpusDir);
  return problem === undefined ? error : new DossierError("INGEST_FAILED", `${problem}; ${outcome}`, { cause: error });
}

/**
 * The file a page fetched from `requested` is saved as. The address the user gave is what names a report to them: given
 * again, it updates the report it made, though it may now lead elsewhere (a short link whose target moved) or send
 * another format (a PDF where there was HTML: the same report id with the new format's extension). Otherwise the name
 * is the id from where the page is (its URL's last path segment, else its host): the same page updates its report,
 * and a different page that would take the same id gets a short hash.
 */
function fileNameFor(requested: string, fetchedUrl: string, extensions: readonly string[], known: Array<{ file: string; url: string; requested: string }>): string {
  const again = known.find((f) => f.requested === requested);
  if (again) return inFormat(path.basename(again.file), extensions);
  const name = `${idFromUrl(fetchedUrl)}${extensions[0]}`;
  const owner = known.find((f) => path.basename(f.file) === name);
  if (owner === undefined || owner.url === fetchedUrl) return name;
  return `${idFromUrl(fetchedUrl)}-${createHash("sha256").update(fetchedUrl).digest("hex").slice(0, 6)}${extensions[0]}`;
}

/** A report's file name for a page in the format of `extensions`: as it is, or its report id with the format's extension. */
function inFormat(name: string, extensions: readonly string[]): string {
  return extensions.includes(path.extname(name).toLowerCase()) ? name : `${reportIdFromPath(name)}${extensions[0]}`;
}

function idFromUrl(raw: string): string {
  const url = new URL(raw);
  const last = url.pathname.split("/").filter(Boolean).pop() ?? "";
  return reportIdFromPath(decodeURIComponent(last)) || reportIdFromPath(url.hostname.replace(/\./g, "-")) || "page";
}
