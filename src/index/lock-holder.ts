import fs from "node:fs";
import { readFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";

/**
 * Who holds the ingest lock, written inside its lock folder: the process id, the host and, on Linux, the boot and the
 * PID namespace. A lock's stale time alone kept the next ingest out for up to half a minute after a `kill -9`; a taker
 * on the same host and namespace can instead see at once that the holder process is gone. A process id means something
 * only there: another machine sharing the index folder, or another container (each with its own PIDs, perhaps every
 * ingest PID 1, even under one host name) cannot be judged by it, and is left to the stale time. A host name alone does
 * not tell machines apart (two made from one image are both "ubuntu", and every Linux machine's first PID namespace has
 * the same identity); the kernel's boot id does, and it is the same in every container of one machine.
 */
export const HOLDER_FILE = "holder.json";

interface Holder {
  pid: number;
  host: string;
  boot: string | null;
  pidNamespace: string | null;
}

/** This boot of the machine's kernel, a random UUID; none where /proc does not say (macOS, Windows). */
function boot(): string | null {
  try {
    return fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return null;
  }
}

/** The PID namespace's identity (`pid:[4026531836]`); none where /proc does not say (macOS, Windows). */
function pidNamespace(): string | null {
  try {
    return fs.readlinkSync("/proc/self/ns/pid");
  } catch {
    return null;
  }
}

const thisProcess = (): Holder => ({ pid: process.pid, host: hostname(), boot: boot(), pidNamespace: pidNamespace() });

/** Records this process as the holder of the lock folder it just created. */
export function writeHolder(lockDir: string, callback: (error: NodeJS.ErrnoException | null) => void): void {
  fs.writeFile(path.join(lockDir, HOLDER_FILE), JSON.stringify(thisProcess()), callback);
}

/**
 * Whether the lock's recorded holder is a process of this host and namespace that no longer runs. Anything less
 * certain (no record, a record from an older Dossier or cut short, another host, a PID reused by a live process) is
 * false: the stale time decides then.
 */
export async function holderIsGone(lockDir: string): Promise<boolean> {
  let holder: Partial<Holder> | null;
  try {
    holder = JSON.parse(await readFile(path.join(lockDir, HOLDER_FILE), "utf8")) as Partial<Holder> | null;
  } catch {
    return false;
  }
  // A damaged record may still be JSON ("null"): read as one, it threw, and the taker said the folder was unwritable.
  if (typeof holder !== "object" || holder === null) return false;
  const here = thisProcess();
  if (holder.host !== here.host || holder.boot !== here.boot || holder.pidNamespace !== here.pidNamespace) return false;
  if (!Number.isInteger(holder.pid) || (holder.pid as number) <= 0) return false;
  try {
    process.kill(holder.pid as number, 0);
    return false;
  } catch (error) {
    // EPERM: the process runs, under another user.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
