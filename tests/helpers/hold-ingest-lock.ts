import { withIngestLock } from "../../src/index/ingest-lock.js";

/** Another process holding the index folder's (argv) ingest lock: says "held" on stdout and waits until killed. */
await withIngestLock(process.argv[2]!, async () => {
  process.stdout.write("held\n");
  // A pending promise alone keeps no process alive, and proper-lockfile's refresh timer is unref'd: without a timer of
  // its own the holder exited at once, releasing the lock, and the tests that need it held passed or failed by timing.
  setInterval(() => undefined, 60_000);
  await new Promise(() => undefined);
});
