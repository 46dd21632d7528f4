import { randomUUID } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { errorCode } from "../core/error-code.js";
import { DossierError } from "../errors.js";
import { REPORT_EXTENSIONS } from "./read-format.js";

/**
 * Reports fetched from a URL are saved as files like any other, and the address each came from is remembered in a
 * `.sources.json` beside them (a dot-file, so never read as a report): citations link back to the page, and
 * `ingest --refresh` fetches it again. It lives with the files, so it survives any rebuild of the index. Callers read
 * and write it under the index's write lock (the ingest's), so two processes never lose each other's addresses.
 */
const SOURCES = ".sources.json";

interface Entry {
  /** Where the page was, after redirects: what citations link to. */
  url: string;
  /** The address the user gave, when it redirected elsewhere: what a refresh fetches, since a redirect can change. */
  requested?: string;
  fetchedAt: string;
}

/**
 * The list, or none when there is no file. A list that is there but cannot be parsed (a merge conflict's markers, a
 * hand edit gone wrong, a half-copied file) is refused in one line, never taken for an empty one: the next page
 * saved would write the list anew, and every address in it would be lost with no word. A list that cannot be read
 * at all fails with the system's error, which callers name.
 */
async function readSources(dir: string): Promise<Record<string, Entry>> {
  const list = path.join(dir, SOURCES);
  let text: string;
  try {
    text = await readFile(list, "utf8");
  } catch (error) {
    // No list, or no folder to hold one (a file where the folder should be, which a save into it says).
    if (errorCode(error) === "ENOENT" || errorCode(error) === "ENOTDIR") return {};
    // A folder in its way fails the read with no path (EISDIR), and callers name the path with what is wrong.
    throw Object.assign(error as NodeJS.ErrnoException, { path: (error as NodeJS.ErrnoException).path ?? list });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw damagedList(dir, error instanceof Error ? error.message : String(error));
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw damagedList(dir, "not a JSON object");
  return parsed as Record<string, Entry>;
}

/**
 * One line a Discord user may read: the list is named within its folder, and what the parser quoted of it goes to
 * the operator only.
 */
function damagedList(dir: string, parserSaid: string): DossierError {
  // The parser quotes the start of the file, newlines and all: the operator's line stays one line.
  const why = parserSaid.replace(/\s+/g, " ").trim();
  const list = `${path.basename(dir)}/${SOURCES}`;
  const message = `${list} is damaged (not the JSON Dossier writes): fix it, or delete it to forget the address of every page fetched into ${path.basename(dir)}/`;
  return new DossierError("INGEST_FAILED", message, { detail: why, forOperator: `${path.join(dir, SOURCES)} is damaged (${why}): fix it, or delete it to forget the address of every page fetched into ${dir}` });
}

async function writeSources(dir: string, sources: Record<string, Entry>): Promise<void> {
  const temp = path.join(dir, `${SOURCES}.${randomUUID()}.tmp`);
  await writeFile(temp, `${JSON.stringify(sources, null, 2)}\n`);
  // A failed rename (a folder in the way) would otherwise leave the temporary file beside the reports for good.
  await rename(temp, path.join(dir, SOURCES)).catch(async (error: unknown) => {
    await rm(temp, { force: true });
    throw error;
  });
}

/**
 * The address a report file was fetched from, if Dossier fetched it. A damaged list refuses the file (in a line that
 * names it): read without its address, its report would lose its links at the next ingest. A list that cannot be
 * read at all (a folder in its way) gives none, as before: a save into the folder says what is wrong.
 */
export async function addressOf(file: string): Promise<string | undefined> {
  const sources = await readSources(path.dirname(file)).catch((error: unknown) => {
    if (!(error instanceof DossierError)) return {} as Record<string, Entry>;
    throw new DossierError("BAD_REPORT", `${path.basename(file)}${UNKNOWN}${error.message}`, { detail: error.detail, forOperator: `${path.basename(file)}${UNKNOWN}${error.forOperator}` });
  });
  const url = sources[path.basename(file)]?.url;
  return typeof url === "string" ? url : undefined;
}

const UNKNOWN = ": its address is unknown, since ";

/**
 * Refusals as an ingest says them, with the pages of one folder refused for its damaged list (`addressOf`) in one
 * line: a line a page said the same of the list for every page fetched into the folder. Each page stays refused.
 */
export function onceForDamagedList<T extends { file: string; reason: string }>(refused: readonly T[]): Array<T | { file: string; reason: string }> {
  const byList = new Map<string, { why: string; pages: T[] }>();
  const rest: T[] = [];
  for (const r of refused) {
    const at = r.reason.indexOf(UNKNOWN);
    if (at < 0 || r.reason.slice(0, at) !== path.basename(r.file)) {
      rest.push(r);
      continue;
    }
    const list = path.join(path.dirname(r.file), SOURCES);
    const group = byList.get(list) ?? { why: r.reason.slice(at + UNKNOWN.length), pages: [] };
    group.pages.push(r);
    byList.set(list, group);
  }
  const said = [...byList].map(([list, { why, pages }]) => {
    if (pages.length === 1) return pages[0]!;
    const names = pages.map((p) => path.basename(p.file));
    const named = names.length > 3 ? `${names.slice(0, 3).join(", ")}, …` : names.join(", ");
    return { file: list, reason: `${names.length} pages in ${path.basename(path.dirname(list))}/ (${named}): their addresses are unknown, since ${why}` };
  });
  return [...said, ...rest];
}

/** Remembers where a file was fetched from (`url`, after redirects) and, when it differs, the address asked for. */
export async function rememberAddress(file: string, url: string, requested = url): Promise<void> {
  const dir = path.dirname(file);
  const sources = await readSources(dir);
  sources[path.basename(file)] = { url, ...(requested !== url && { requested }), fetchedAt: new Date().toISOString() };
  await writeSources(dir, sources);
}

export async function forgetAddress(file: string): Promise<void> {
  const dir = path.dirname(file);
  const sources = await readSources(dir);
  if (!(path.basename(file) in sources)) return;
  delete sources[path.basename(file)];
  if (Object.keys(sources).length === 0) await rm(path.join(dir, SOURCES), { force: true });
  else await writeSources(dir, sources);
}

export interface FetchedFile {
  file: string;
  url: string;
  requested: string;
}

/**
 * Every report file in a folder that was fetched from an address, with where it was and the address asked for; and the
 * entries that cannot be used, each with why. An entry must name a plain file in the folder: the file is written to
 * when its page is fetched again, and a name edited by hand or damaged ("../../x", "/etc/x", ".sources.json") would
 * have a refresh write outside the folder, or over the list itself. And a report file: one of another type
 * ("figures.csv") would be replaced by its page saved as a report, as a page now sent in another format is.
 */
export async function fetchedFiles(dir: string): Promise<{ files: FetchedFile[]; unusable: Array<{ name: string; reason: string }> }> {
  const files: FetchedFile[] = [];
  const unusable: Array<{ name: string; reason: string }> = [];
  for (const [name, entry] of Object.entries(await readSources(dir))) {
    const url = (entry as Partial<Entry> | null)?.url;
    if (!isPlainFileName(name)) unusable.push({ name, reason: "is not the name of a file in its folder" });
    else if (!REPORT_EXTENSIONS.includes(path.extname(name).toLowerCase())) unusable.push({ name, reason: "is not the name of a report file" });
    else if (typeof url !== "string") unusable.push({ name, reason: "has no address" });
    else files.push({ file: path.join(dir, name), url, requested: typeof entry.requested === "string" ? entry.requested : url });
  }
  return { files, unusable };
}

/** A name that is a file's in the folder itself: no separator, no way up, not a dot-file (as the list itself is). */
function isPlainFileName(name: string): boolean {
  return name !== "" && !name.startsWith(".") && !/[/\\\0]/.test(name) && path.basename(name) === name;
}
