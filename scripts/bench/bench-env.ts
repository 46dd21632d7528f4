/** The environment a benchmark engine runs with: explicit values only, so an OpenAI key in the caller's environment cannot switch it to a chat model or remote embeddings. */
export function benchEnv(dirs: { corpusDir: string; indexDir: string; dataDir: string }): Record<string, string> {
  return { CORPUS_DIR: dirs.corpusDir, DATA_DIR: dirs.dataDir, INDEX_DIR: dirs.indexDir, ANSWER_MODE: "extractive", EMBEDDINGS: "local" };
}
