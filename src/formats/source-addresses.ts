import { randomUUID } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

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

async function readSources(dir: string): Promise<Record<string, Entry>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(dir, SOURCES), "utf8"));
    return parsed && typeof parsed === "object" ? (parsed as Record<string, Entry>) : {};
  } catch {
    return {};
  }
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

/** The address a report file was fetched from, if Dossier fetched it. */
export async function addressOf(file: string): Promise<string | undefined> {
  const url = (await readSources(path.dirname(file)))[path.basename(file)]?.url;
  return typeof url === "string" ? url : undefined;
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
 * have a refresh write outside the folder, or over the list itself.
 */
export async function fetchedFiles(dir: string): Promise<{ files: FetchedFile[]; unusable: Array<{ name: string; reason: string }> }> {
  const files: FetchedFile[] = [];
  const unusable: Array<{ name: string; reason: string }> = [];
  for (const [name, entry] of Object.entries(await readSources(dir))) {
    const url = (entry as Partial<Entry> | null)?.url;
    if (!isPlainFileName(name)) unusable.push({ name, reason: "is not the name of a file in its folder" });
    else if (typeof url !== "string") unusable.push({ name, reason: "has no address" });
    else files.push({ file: path.join(dir, name), url, requested: typeof entry.requested === "string" ? entry.requested : url });
  }
  return { files, unusable };
}

/** A name that is a file's in the folder itself: no separator, no way up, not a dot-file (as the list itself is). */
function isPlainFileName(name: string): boolean {
  return name !== "" && !name.startsWith(".") && !/[/\\\0]/.test(name) && path.basename(name) === name;
}
