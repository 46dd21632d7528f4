import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, usesChatModel } from "../../src/config.js";

describe("loadConfig", () => {
  it("gives documented defaults for an empty environment", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ maxReportBytes: 2_000_000, maxQuestionChars: 500, topK: 8, contextSentences: 40, embeddings: "local", answerMode: "auto" });
    expect(c.indexDir).toBe(path.resolve("data/index"));
    expect(c.discord.shardSpawnDelayMs).toBe(5_500);
    expect(loadConfig({ SHARD_SPAWN_DELAY_MS: "0" }).discord.shardSpawnDelayMs).toBe(0);
    expect(usesChatModel(c)).toBe(false);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ TOP_K: "", LOG_LEVEL: " ", DISCORD_TOKEN: "" })).toMatchObject({ topK: 8, logLevel: undefined, discord: { token: undefined } });
  });

  it.each([
    // Said in words: zod's "Invalid input: expected number, received NaN" and "expected int, received number".
    [{ TOP_K: "abc" }, /^Invalid configuration: TOP_K must be a number$/],
    [{ TOP_K: "2.5" }, /^Invalid configuration: TOP_K must be a whole number$/],
    [{ CONTEXT_SENTENCES: "0" }, /^Invalid configuration: CONTEXT_SENTENCES must be 1 or more$/],
    [{ SHARD_SPAWN_DELAY_MS: "-1" }, /^Invalid configuration: SHARD_SPAWN_DELAY_MS must be 0 or more$/],
    [{ LLM_MAX_RETRIES: "11" }, /^Invalid configuration: LLM_MAX_RETRIES must be 10 or less$/],
    [{ SHARDS: "many" }, /^Invalid configuration: SHARDS must be auto or a number of shards$/],
    [{ DISCORD_GUILD_ID: "12" }, /DISCORD_GUILD_ID must be a Discord id/],
    [{ OPENAI_BASE_URL: "not a url" }, /OPENAI_BASE_URL must be a URL/],
    [{ CHUNK_SENTENCES: "2", CHUNK_OVERLAP: "2" }, /CHUNK_OVERLAP must be smaller than CHUNK_SENTENCES/],
    [{ EMBEDDINGS: "openai" }, /EMBEDDINGS=openai needs OPENAI_API_KEY or OPENAI_BASE_URL/],
    [{ ANSWER_MODE: "llm" }, /ANSWER_MODE=llm needs OPENAI_API_KEY or OPENAI_BASE_URL/],
  ])("rejects %j in one line", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("uses a chat model in auto mode once a key or server is configured", () => {
    expect(usesChatModel(loadConfig({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" }))).toBe(true);
    expect(usesChatModel(loadConfig({ OPENAI_API_KEY: "k", ANSWER_MODE: "extractive" }))).toBe(false);
  });

  it("reads .env from the working folder, with variables already set taking precedence", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dossier-env-"));
    writeFileSync(path.join(dir, ".env"), "TOP_K=3\nMAX_QUESTION_CHARS=99\n");
    // In this process, as an entry point calls it: the working folder and the environment are put back after, since
    // the worker's other files share them.
    const saved = { ...process.env };
    const cwd = process.cwd();
    try {
      process.env.MAX_QUESTION_CHARS = "42";
      delete process.env.TOP_K;
      process.chdir(dir);
      const c = loadConfig();
      expect([c.topK, c.maxQuestionChars]).toEqual([3, 42]);
    } finally {
      process.chdir(cwd);
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
