import { withIngestLock } from "../../src/index/ingest-lock.js";

/** Another process holding the index folder's (argv) ingest lock: says "held" on stdout and waits until killed. */
await withIngestLock(process.argv[2]!, async () => {
  process.stdout.write("held\n");
  await new Promise(() => undefined);
});
