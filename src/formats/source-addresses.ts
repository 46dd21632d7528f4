import { randomUUID } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Reports fetched from a URL are saved as files like any other, and the address each came from is remembered in a
 * `.sources.json` beside them (a dot-file, so never read as a report): citations link back to the page, and
 * `ingest --refresh` fetches it again. It lives with the files, so it survives any rebuild of the index.
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

/** Every report file in a folder that was fetched from an address, with where it was and the address asked for. */
export async function fetchedFiles(dir: string): Promise<Array<{ file: string; url: string; requested: string }>> {
  return Object.entries(await readSources(dir)).map(([name, entry]) => ({
    file: path.join(dir, name),
    url: entry.url,
    requested: typeof entry.requested === "string" ? entry.requested : entry.url,
  }));
}
