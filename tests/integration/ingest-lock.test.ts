import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LOCK_STALE_MS, withIngestLock } from "../../src/index/ingest-lock.js";

let indexDir: string;
const lockPath = () => path.join(indexDir, "ingest.lock");
const age = (file: string, ms: number) => {
  const past = new Date(Date.now() - ms);
  utimesSync(file, past, past);
};

beforeEach(async () => {
  indexDir = path.join(await mkdtemp(path.join(tmpdir(), "dossier-lock-")), "index");
  mkdirSync(indexDir);
});
afterEach(() => rm(path.dirname(indexDir), { recursive: true, force: true }));

/** An ingest lock held by another process, and a way to kill it with SIGKILL as `kill -9` does. */
async function otherHolder(): Promise<{ killed: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/hold-ingest-lock.ts", indexDir]);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (data: Buffer) => data.toString().includes("held") && resolve());
    child.on("exit", () => reject(new Error("the holder ended without taking the lock")));
  });
  return { killed: async () => (child.kill("SIGKILL"), await exited) };
}

describe("the ingest lock", () => {
  it("takes over a stale lock file holding a live PID (PID 1 in a container, or our own) once it is past the stale limit", async () => {
    for (const pid of ["1", String(process.pid)]) {
      writeFileSync(lockPath(), pid);
      // An /ingest reply to a Discord user: no server path in it; the operator's line names the folder.
      await expect(withIngestLock(indexDir, async () => "ran")).rejects.toMatchObject({
        message: "Another ingest is running on the index; try again when it ends.",
        forOperator: `Another ingest is running on ${indexDir}; try again when it ends.`,
      });
      age(lockPath(), LOCK_STALE_MS + 1000);
      await expect(withIngestLock(indexDir, async () => "ran")).resolves.toBe("ran");
      expect(readdirSync(indexDir)).toEqual([]);
    }
  });

  it("takes over a lock folder a killed holder stopped refreshing, and never a fresh one", async () => {
    mkdirSync(lockPath());
    await expect(withIngestLock(indexDir, async () => "ran")).rejects.toMatchObject({ code: "BUSY" });
    age(lockPath(), LOCK_STALE_MS + 1000);
    await expect(withIngestLock(indexDir, async () => "ran")).resolves.toBe("ran");
  });

  it("takes over at once a lock whose holder process was killed with SIGKILL, and never while it runs", async () => {
    const holder = await otherHolder();
    await expect(withIngestLock(indexDir, async () => "ran")).rejects.toMatchObject({ code: "BUSY" });
    await holder.killed();
    // Fresh: the lock was refreshed a moment ago, so only its holder's end lets the next ingest in.
    await expect(withIngestLock(indexDir, async () => "ran")).resolves.toBe("ran");
    expect(readdirSync(indexDir)).toEqual([]);
  }, 60_000);

  it("leaves a lock whose holder ran on another host, in another boot or in another PID namespace to the stale time", async () => {
    const holder = await otherHolder();
    await holder.killed();
    const record = path.join(lockPath(), "holder.json");
    const gone = JSON.parse(readFileSync(record, "utf8")) as Record<string, unknown>;
    // Its process id says nothing here: that process may run there, under the same number as a gone one here.
    // Another machine may have this host name and, on Linux, this PID namespace's identity: only its boot tells it apart.
    for (const elsewhere of [{ host: "another-host" }, { boot: "another-boot" }, { pidNamespace: "pid:[1]" }]) {
      writeFileSync(record, JSON.stringify({ ...gone, ...elsewhere }));
      await expect(withIngestLock(indexDir, async () => "ran")).rejects.toMatchObject({ code: "BUSY" });
    }
    age(lockPath(), LOCK_STALE_MS + 1000);
    await expect(withIngestLock(indexDir, async () => "ran")).resolves.toBe("ran");
    expect(readdirSync(indexDir)).toEqual([]);
  }, 60_000);

  it("leaves a lock whose holder record is damaged to the stale time", async () => {
    mkdirSync(lockPath());
    // Cut short, or JSON that is no record: which process held the lock is unknown, not a reason to fail otherwise.
    for (const damaged of ['{"pid":', "null"]) {
      writeFileSync(path.join(lockPath(), "holder.json"), damaged);
      await expect(withIngestLock(indexDir, async () => "ran")).rejects.toMatchObject({ code: "BUSY" });
    }
    age(lockPath(), LOCK_STALE_MS + 1000);
    await expect(withIngestLock(indexDir, async () => "ran")).resolves.toBe("ran");
    expect(readdirSync(indexDir)).toEqual([]);
  });

  it("lets exactly one of several concurrent takers of a stale lock in, trial after trial", async () => {
    // Without the guard lock, proper-lockfile's own take-over let two of eight takers in now and then.
    const TAKERS = 8;
    // The trials run at once, each on its own index folder: a losing taker retries the guard for up to a second.
    const trial = async (n: number) => {
      const dir = path.join(indexDir, `trial-${n}`);
      mkdirSync(path.join(dir, "ingest.lock"), { recursive: true });
      age(path.join(dir, "ingest.lock"), LOCK_STALE_MS + 1000);
      let inside = 0;
      let most = 0;
      let refused = 0;
      // A winner holds the lock until every other taker has given up, so a second winner would overlap it.
      const othersDone = async () => {
        for (let i = 0; i < 500 && inside + refused < TAKERS; i++) await new Promise((resolve) => setTimeout(resolve, 2));
      };
      const take = () =>
        withIngestLock(dir, async () => {
          most = Math.max(most, ++inside);
          await othersDone();
          inside--;
          return true;
        }).catch((error: { code?: string }) => {
          if (error.code !== "BUSY") throw error;
          refused++;
          return false;
        });
      const won = await Promise.all(Array.from({ length: TAKERS }, take));
      expect(most).toBe(1);
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(readdirSync(dir)).toEqual([]);
    };
    await Promise.all(Array.from({ length: 10 }, (_, n) => trial(n)));
  });

  it("says what is wrong with an index folder it cannot write, not that another ingest runs", async () => {
    const blocked = path.join(indexDir, "not-a-folder");
    writeFileSync(blocked, "");
    // The message may be an /ingest reply to a Discord user: the folder by its setting there, in full for the operator.
    await expect(withIngestLock(path.join(blocked, "index"), async () => "ran")).rejects.toMatchObject({
      message: "Cannot write the index folder (INDEX_DIR): a part of the path is a file, not a folder; check that folder.",
      forOperator: expect.stringMatching(/^Cannot write the index at .*not-a-folder\/index \(a part of the path is a file, not a folder\); check that folder\.$/),
    });
  });

  it("reports a stale guard it cannot remove at once, not after a second of retries", async () => {
    // Something was put inside the guard folder, so taking it over fails every time: waiting cannot help.
    const guard = path.join(indexDir, "ingest.lock.guard");
    mkdirSync(guard);
    writeFileSync(path.join(guard, "stray"), "");
    age(guard, 60_000);
    // No retry delay can pass: the outcome has to come without one.
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      let outcome: unknown;
      void withIngestLock(indexDir, async () => "ran").then(
        (value) => (outcome = value),
        (error: unknown) => (outcome = error),
      );
      // Polled between turns of the event loop (vi.waitFor would advance the fake clock), for up to 10 s of real time.
      for (const end = Date.now() + 10_000; outcome === undefined && Date.now() < end; ) await new Promise((resolve) => setImmediate(resolve));
      expect(outcome).toMatchObject({ code: "INDEX_UNWRITABLE" });
    } finally {
      vi.useRealTimers();
    }
  });

  it.skipIf(process.getuid?.() === 0)("reports a read-only index folder as read-only", async () => {
    const { chmodSync } = await import("node:fs");
    chmodSync(indexDir, 0o555);
    try {
      await expect(withIngestLock(indexDir, async () => "ran")).rejects.toThrow("Cannot write the index folder (INDEX_DIR): permission denied; check that folder.");
    } finally {
      chmodSync(indexDir, 0o755);
    }
  });
});
