import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";
import { parsePrivateAllowance } from "./core/private-allowance.js";

/**
 * Every setting Dossier reads from the environment, with its default, in one place.
 * The README's configuration table and `.env.example` mirror this schema.
 */
/**
 * A whole-number setting of at least `min`, said in words when it is not one: zod's own text ("Invalid input:
 * expected number, received NaN" for TOP_K=abc, "expected int, received number" for 2.5) did not say what to write.
 */
const wholeNumber = (min: number) =>
  z.coerce.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(min, { error: `must be ${min} or more` });
const positiveInt = (fallback: number) => wholeNumber(1).default(fallback);
const optionalText = z.string().trim().optional();
const snowflake = optionalText.refine((v) => v === undefined || /^\d{17,20}$/.test(v), {
  message: "must be a Discord id (17–20 digits)",
});

const schema = z.object({
  CORPUS_DIR: z.string().default("corpus"),
  DATA_DIR: z.string().default("data"),
  INDEX_DIR: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  MAX_REPORT_BYTES: positiveInt(2_000_000),
  MAX_REPORT_SENTENCES: positiveInt(10_000),
  MAX_QUESTION_CHARS: positiveInt(500),
  CHUNK_SENTENCES: positiveInt(3),
  CHUNK_OVERLAP: wholeNumber(0).default(1),
  TOP_K: positiveInt(8),
  INDEX_STORE: z.enum(["local", "postgres"]).default("local"),
  DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), { message: "must be a postgres:// URL" }),
  INDEX_POLL_MS: positiveInt(2_000),
  ALLOW_PRIVATE_URLS: optionalText.refine((v) => parsePrivateAllowance(v) !== undefined, {
    message: "must be true, false, or a comma-separated list of IP addresses or CIDR ranges",
  }),
  FETCH_TIMEOUT_MS: positiveInt(30_000),
  INGEST_WORKERS: positiveInt(availableParallelism()),
  INGEST_TIMEOUT_MS: positiveInt(900_000),

  EMBEDDINGS: z.enum(["local", "openai"]).default("local"),
  EMBEDDING_MODEL: z.string().trim().min(1).default("text-embedding-3-small"),
  ANSWER_MODE: z.enum(["auto", "extractive", "llm"]).default("auto"),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.refine((v) => v === undefined || URL.canParse(v), { message: "must be a URL" }),
  CHAT_MODEL: z.string().trim().min(1).default("gpt-4o-mini"),
  LLM_TIMEOUT_MS: positiveInt(20_000),
  LLM_MAX_RETRIES: wholeNumber(0).max(10, { error: "must be 10 or less" }).default(2),
  CHAT_MAX_TOKENS: positiveInt(800),

  FOLLOW_UP_TIMEOUT_MS: positiveInt(5_000),
  CONVERSATION_TURNS: positiveInt(6),
  CONVERSATION_IDLE_MINUTES: positiveInt(30),
  MAX_CONVERSATIONS: positiveInt(1_000),
  CONTEXT_SENTENCES: positiveInt(40),

  DISCORD_TOKEN: optionalText,
  DISCORD_APP_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_URL: optionalText.refine((v) => v === undefined || URL.canParse(v), { message: "must be a URL" }),
  SHARDS: z.union([z.literal("auto"), wholeNumber(1)], { error: "must be auto or a number of shards" }).optional(),
  SHARD_LIST: optionalText.refine((v) => v === undefined || /^\d+(\s*,\s*\d+)*$/.test(v), { message: "must be shard numbers separated by commas" }),
  SHARD_SPAWN_DELAY_MS: wholeNumber(0).default(5_500),
  RATE_LIMIT_PER_MINUTE: positiveInt(6),
  MAX_IN_FLIGHT: positiveInt(4),
});

export type Env = z.input<typeof schema>;

export interface Config {
  corpusDir: string;
  dataDir: string;
  indexDir: string;
  feedbackFile: string;
  /** Unset means each front end's own default: `info` for the bot, `warn` for the terminal tools. */
  logLevel?: z.infer<typeof schema>["LOG_LEVEL"];
  maxReportBytes: number;
  maxReportSentences: number;
  maxQuestionChars: number;
  chunkSentences: number;
  chunkOverlap: number;
  topK: number;
  /** Where the index lives: the on-disk folder, or a PostgreSQL database every process shares. */
  store: { kind: "local" } | { kind: "postgres"; databaseUrl: string; pollMs: number };
  /** Fetching reports by URL and downloading attachments: which non-public addresses are allowed (ALLOW_PRIVATE_URLS as given, validated; plain data so a config can cross into the ingest child), and how long to wait. */
  fetch: { allowPrivateUrls?: string; timeoutMs: number };
  /** Worker threads that embed reports during an ingest (1: embed in the ingesting process itself). */
  ingestWorkers: number;
  /** The longest an ingest run off the answering process may take before it is stopped, the index unchanged. */
  ingestTimeoutMs: number;
  embeddings: "local" | "openai";
  embeddingModel: string;
  answerMode: "auto" | "extractive" | "llm";
  openai: {
    apiKey?: string;
    baseURL?: string;
    chatModel: string;
    timeoutMs: number;
    maxRetries: number;
    /** Cap on a chat model reply's tokens, so a runaway reply ends at the server (the front ends cut what they show). */
    maxTokens: number;
    /** Room our deadlines leave beyond LLM_TIMEOUT_MS (see `overallDeadlineMs`): a second unless set; tests shorten it. */
    deadlineSlackMs?: number;
  };
  conversation: {
    /** Earlier turns a follow-up is read against. */
    maxTurns: number;
    /** The chat model's one call that makes a follow-up standalone; the offline rewrite stands in when it runs out. */
    rewriteTimeoutMs: number;
    /** Discord: a conversation left alone this long is forgotten. */
    idleMs: number;
    /** Discord: conversations held at once; the least recently continued is forgotten first. */
    maxConversations: number;
  };
  /** Report sentences the chat model is handed per question. */
  contextSentences: number;
  discord: {
    token?: string;
    appId?: string;
    guildId?: string;
    apiUrl?: string;
    rateLimitPerMinute: number;
    maxInFlight: number;
    /** Run this many bot processes (or Discord's recommended number) under a ShardingManager; unset runs one bot. */
    shards?: number | "auto";
    /** The shards this machine runs, of `shards` in all; unset runs them all. */
    shardList?: number[];
    /** The wait between starting one shard and the next: Discord lets a bot log in once every 5 s (discord.js's default). */
    shardSpawnDelayMs: number;
  };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Parses and validates the environment once; throws a ConfigError whose message is one readable line.
 * Reading the process environment also reads `.env` in the working folder when there is one; variables already set
 * win. An empty variable counts as unset.
 */
export function loadConfig(env?: Record<string, string | undefined>): Config {
  if (env === undefined && existsSync(".env")) process.loadEnvFile(".env");
  const source = env ?? process.env;
  // In a shard process discord.js sets SHARDS to the shard's ids ("[0]"): that is its setting, and the manager's only.
  const ours = (name: string) => !(name.startsWith("SHARD") && source.SHARDING_MANAGER !== undefined);
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([k, v]) => v !== undefined && v.trim() !== "" && ours(k))));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.CHUNK_OVERLAP >= e.CHUNK_SENTENCES) {
    throw new ConfigError("Invalid configuration: CHUNK_OVERLAP must be smaller than CHUNK_SENTENCES");
  }
  const hasModelServer = e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined;
  if (!hasModelServer && (e.EMBEDDINGS === "openai" || e.ANSWER_MODE === "llm")) {
    const which = e.EMBEDDINGS === "openai" ? "EMBEDDINGS=openai" : "ANSWER_MODE=llm";
    throw new ConfigError(`Invalid configuration: ${which} needs OPENAI_API_KEY or OPENAI_BASE_URL`);
  }
  if (e.INDEX_STORE === "postgres" && e.DATABASE_URL === undefined) {
    throw new ConfigError("Invalid configuration: INDEX_STORE=postgres needs DATABASE_URL");
  }
  const shardList = e.SHARD_LIST?.split(",").map(Number);
  const total = e.SHARDS;
  if (shardList && !(typeof total === "number" && shardList.every((s) => s < total))) {
    throw new ConfigError("Invalid configuration: SHARD_LIST needs SHARDS set to the total number of shards, each listed shard below it");
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    corpusDir: path.resolve(e.CORPUS_DIR),
    dataDir,
    indexDir: path.resolve(e.INDEX_DIR ?? path.join(dataDir, "index")),
    feedbackFile: path.join(dataDir, "feedback.jsonl"),
    logLevel: e.LOG_LEVEL,
    maxReportBytes: e.MAX_REPORT_BYTES,
    maxReportSentences: e.MAX_REPORT_SENTENCES,
    maxQuestionChars: e.MAX_QUESTION_CHARS,
    chunkSentences: e.CHUNK_SENTENCES,
    chunkOverlap: e.CHUNK_OVERLAP,
    topK: e.TOP_K,
    store: e.INDEX_STORE === "postgres" ? { kind: "postgres", databaseUrl: e.DATABASE_URL!, pollMs: e.INDEX_POLL_MS } : { kind: "local" },
    fetch: { allowPrivateUrls: e.ALLOW_PRIVATE_URLS, timeoutMs: e.FETCH_TIMEOUT_MS },
    ingestWorkers: e.INGEST_WORKERS,
    ingestTimeoutMs: e.INGEST_TIMEOUT_MS,
    embeddings: e.EMBEDDINGS,
    embeddingModel: e.EMBEDDING_MODEL,
    answerMode: e.ANSWER_MODE,
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseURL: e.OPENAI_BASE_URL,
      chatModel: e.CHAT_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
      maxRetries: e.LLM_MAX_RETRIES,
      maxTokens: e.CHAT_MAX_TOKENS,
    },
    conversation: {
      maxTurns: e.CONVERSATION_TURNS,
      rewriteTimeoutMs: e.FOLLOW_UP_TIMEOUT_MS,
      idleMs: e.CONVERSATION_IDLE_MINUTES * 60_000,
      maxConversations: e.MAX_CONVERSATIONS,
    },
    contextSentences: e.CONTEXT_SENTENCES,
    discord: {
      token: e.DISCORD_TOKEN,
      appId: e.DISCORD_APP_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiUrl: e.DISCORD_API_URL,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      maxInFlight: e.MAX_IN_FLIGHT,
      shards: e.SHARDS,
      shardList,
      shardSpawnDelayMs: e.SHARD_SPAWN_DELAY_MS,
    },
  };
}

/** True when a chat model should write answers: explicitly asked for, or `auto` with a key or server configured. */
export function usesChatModel(config: Config): boolean {
  if (config.answerMode === "extractive") return false;
  if (config.answerMode === "llm") return true;
  return config.openai.apiKey !== undefined || config.openai.baseURL !== undefined;
}
