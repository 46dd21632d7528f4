import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { createEngine } from "../../src/engine.js";
import { ingestReports } from "../../src/engine/ingest-reports.js";
import { removeReports } from "../../src/engine/remove-report.js";
import { ingestPaths } from "../../src/index/ingest.js";
import type { IngestLock } from "../../src/index/ingest-lock.js";
import { silentLogger } from "../../src/logger.js";
import { LocalIndexStore } from "../../src/store/local-index-store.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

/** The on-disk store, with something done to the corpus folder around its swap, as a failing disk or a user would. */
class StoreWithSwap extends LocalIndexStore {
  constructor(
    where: string,
    private readonly around: (write: () => Promise<void>) => Promise<void>,
  ) {
    super(where, ws.config.corpusDir);
  }

  override write(...args: Parameters<LocalIndexStore["write"]>) {
    return this.around(() => super.write(...args));
  }
}

/** The on-disk store, with something done to the corpus folder once the lock is held, before any file is moved. */
class StoreWithLock extends LocalIndexStore {
  constructor(
    where: string,
    private readonly first: () => void,
  ) {
    super(where, ws.config.corpusDir);
  }

  override withWriteLock<T>(work: (lock: IngestLock) => Promise<T>) {
    return super.withWriteLock<T>((lock) => {
      this.first();
      return work(lock);
    });
  }
}

const embeddings = new LocalUseEmbeddings();
let ws: Workspace;
let quay: string;
let mill: string;
const logged: Array<{ level: string; file: unknown; message: string }> = [];
const logger = {
  error: (fields: { file: unknown }, message: string) => logged.push({ level: "error", file: fields.file, message }),
  warn: (fields: { file: unknown }, message: string) => logged.push({ level: "warn", file: fields.file, message }),
} as unknown as Logger;
/** As `logger`, with the levels an engine also logs at, which these tests do not look at. */
const fullLogger = { ...logger, info: () => undefined, debug: () => undefined, trace: () => undefined, fatal: () => undefined, child: () => fullLogger } as unknown as Logger;
const hidden = () => readdirSync(ws.corpusDir).filter((f) => f.endsWith(".removed"));
const ids = async () => (await new LocalIndexStore(ws.config.indexDir, ws.config.corpusDir).readManifest())?.reports.map((r) => r.id).sort();

beforeEach(async () => {
  ws = makeWorkspace({ withFirstReport: false });
  quay = path.join(ws.corpusDir, "quay.txt");
  mill = path.join(ws.corpusDir, "mill.txt");
  writeFileSync(quay, "The quay wall was rebuilt with stone from the old mill, which the council bought last year when the milling company closed its doors.");
  writeFileSync(mill, "The old mill by the river was turned into a museum, with its water wheel restored and turning again for visitors on summer weekends.");
  await ingestPaths([ws.corpusDir], { config: ws.config, embeddings, logger: silentLogger });
  logged.length = 0;
});
afterEach(() => ws.cleanup());

describe("removeReports", () => {
  it("removes a report named in capitals, as the id it is", async () => {
    const store = new LocalIndexStore(ws.config.indexDir, ws.config.corpusDir);
    expect((await removeReports(["QUAY"], ws.config, store, logger)).map((r) => r.id)).toEqual(["quay"]);
    expect(await ids()).toEqual(["mill"]);
  });

  it("changes nothing, not even the generation, when no id is named", async () => {
    const store = new LocalIndexStore(ws.config.indexDir, ws.config.corpusDir);
    const before = await store.version();
    expect(await removeReports([], ws.config, store, logger)).toEqual([]);
    expect(await store.version()).toBe(before);
  });

  it("puts back every file it can when the swap fails, logs the one it cannot, and reports the swap's failure", async () => {
    const store = new StoreWithSwap(ws.config.indexDir, async () => {
      // A folder where the first file was makes putting that one back fail; the second must come back all the same.
      mkdirSync(path.join(quay, "in-the-way"), { recursive: true });
      throw new Error("the disk went away");
    });
    await expect(removeReports(["quay", "mill"], ws.config, store, logger)).rejects.toThrow("the disk went away");
    expect(existsSync(mill)).toBe(true);
    expect(hidden()).toHaveLength(1);
    expect(logged).toEqual([{ level: "error", file: quay, message: "a report's file could not be put back after a failed removal" }]);
    expect(await ids()).toEqual(["mill", "quay"]);
  });

  it("reports a removal that went live as done when a hidden copy cannot be deleted afterwards", async () => {
    const store = new StoreWithSwap(ws.config.indexDir, async (write) => {
      await write();
      // The hidden copy becomes a folder with something in it, which deleting a file cannot remove.
      const [aside] = hidden();
      rmSync(path.join(ws.corpusDir, aside!));
      mkdirSync(path.join(ws.corpusDir, aside!, "kept"), { recursive: true });
    });
    const removed = await removeReports(["quay"], ws.config, store, logger);
    expect(removed).toEqual([{ id: "quay", title: "Quay", deletedFile: quay }]);
    expect(await ids()).toEqual(["mill"]);
    expect(logged.map((l) => l.message)).toEqual(["a removed report's hidden copy could not be deleted"]);
  });

  it("stops in one line, naming the file within the corpus folder, when a report's file cannot be moved aside", async () => {
    const harbour = path.join(ws.corpusDir, "harbour");
    mkdirSync(harbour);
    writeFileSync(path.join(harbour, "crane.txt"), "The harbour crane was repaired by the night crew on Tuesday, after a storm had torn its cables and left it hanging over the quay for two days.");
    await ingestPaths([ws.corpusDir], { config: ws.config, embeddings, logger: silentLogger });
    // Its folder becomes a file (as root, no permission is ever denied): the move fails with ENOTDIR, not ENOENT.
    const store = new StoreWithLock(ws.config.indexDir, () => {
      rmSync(harbour, { recursive: true });
      writeFileSync(harbour, "");
    });
    const removal = removeReports(["mill", "crane"], ws.config, store, logger);
    await expect(removal).rejects.toMatchObject({
      name: "DossierError",
      message: "harbour/crane.txt in the corpus folder: a part of the path is a file, not a folder; nothing was removed",
    });
    // The file moved aside before it is back, and nothing is logged as left hidden.
    expect(existsSync(mill)).toBe(true);
    expect(hidden()).toEqual([]);
    expect(logged).toEqual([]);
    expect(await ids()).toEqual(["crane", "mill", "quay"]);
  });
});

describe("a removal whose process died before it ended", () => {
  /** A hidden copy as removeReports names it, made by hand: the state a kill between its steps leaves. */
  const hideByHand = (file: string) => {
    const copy = path.join(path.dirname(file), `.${path.basename(file)}.0f8fad5b-d9cb-469f-a165-70867728950e.removed`);
    renameSync(file, copy);
    return copy;
  };
  const start = () => createEngine(ws.config, { embeddings, logger: fullLogger, autoIngest: true });

  it("gets its file back at start when the index still lists the report (killed before the swap)", async () => {
    hideByHand(quay);
    const engine = await start();
    expect(existsSync(quay)).toBe(true);
    expect(hidden()).toEqual([]);
    expect(engine.reports().map((r) => r.id).sort()).toEqual(["mill", "quay"]);
    expect(await ids()).toEqual(["mill", "quay"]);
    expect(logged).toEqual([{ level: "warn", file: quay, message: "put back a report's file hidden by a removal that never went live" }]);
    await engine.close();
  });

  it("compares the corpus folder with the index as settling left it: a file put back that was edited is read again", async () => {
    writeFileSync(quay, "The quay wall was rebuilt with granite from the harbour, where a storm had thrown down the old breakwater in the winter before last.");
    hideByHand(quay);
    const notices: string[] = [];
    const engine = await createEngine(ws.config, { embeddings, logger: fullLogger, autoIngest: true, onNotice: (n) => notices.push(n) });
    expect(notices).toEqual([expect.stringMatching(/changed since the last ingest; updating the index…$/)]);
    expect((await engine.ask("What was the quay wall rebuilt with?")).citations[0]?.text).toBe("The quay wall was rebuilt with granite from the harbour, where a storm had thrown down the old breakwater in the winter before last.");
    await engine.close();
  });

  it("deletes the hidden copy at start when the index no longer lists the report (killed after the swap)", async () => {
    await removeReports(["quay"], ws.config, new LocalIndexStore(ws.config.indexDir, ws.config.corpusDir), silentLogger);
    writeFileSync(path.join(ws.corpusDir, ".quay.txt.0f8fad5b-d9cb-469f-a165-70867728950e.removed"), "The quay wall was rebuilt with stone from the old mill, which the council bought last year when the milling company closed its doors.");
    const engine = await start();
    expect(hidden()).toEqual([]);
    expect(existsSync(quay)).toBe(false);
    expect(engine.reports().map((r) => r.id)).toEqual(["mill"]);
    expect(logged).toEqual([{ level: "warn", file: quay, message: "deleted the hidden copy of a removed report" }]);
    await engine.close();
  });

  // Root reads any folder, so one that cannot be read cannot be made where the tests run as root.
  it.skipIf(process.getuid?.() === 0)("is settled although a folder of the corpus cannot be read", async () => {
    const locked = path.join(ws.corpusDir, "locked");
    mkdirSync(locked, { mode: 0o000 });
    try {
      hideByHand(quay);
      const engine = await start();
      expect(existsSync(quay)).toBe(true);
      expect(engine.reports().map((r) => r.id).sort()).toEqual(["mill", "quay"]);
      await engine.close();
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  it("is settled by npm run ingest too, before the corpus folder is read", async () => {
    const copy = hideByHand(path.join(ws.corpusDir, "mill.txt"));
    const summary = await ingestReports(ws.config, [], { logger: fullLogger });
    expect(existsSync(copy)).toBe(false);
    expect(summary.removed).toEqual([]);
    expect(await ids()).toEqual(["mill", "quay"]);
  });
});
