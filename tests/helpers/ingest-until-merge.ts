import { loadConfig } from "../../src/config.js";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { ingestPaths } from "../../src/index/ingest.js";
import { silentLogger } from "../../src/logger.js";

/**
 * Ingests a corpus folder into an index folder (argv) and, once a merge of segments is half written, says "merging"
 * on stdout and waits for ever: the test kills it with SIGKILL right there.
 */
const [corpusDir, indexDir] = process.argv.slice(2);
const config = loadConfig({ CORPUS_DIR: corpusDir!, INDEX_DIR: indexDir!, LOG_LEVEL: "silent", INGEST_WORKERS: "1" });
await ingestPaths([corpusDir!], {
  config,
  embeddings: new LocalUseEmbeddings(),
  logger: silentLogger,
  hooks: {
    duringMerge: async () => {
      process.stdout.write("merging\n");
      // A pending promise keeps no process alive (hold-ingest-lock.ts): without a timer it could end by itself, running
      // its exit handlers, before the SIGKILL arrives.
      setInterval(() => undefined, 60_000);
      await new Promise(() => undefined);
    },
  },
});
process.stdout.write("finished without merging\n");
