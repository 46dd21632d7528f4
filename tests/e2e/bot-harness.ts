import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Logger } from "pino";
import type { Config } from "../../src/config.js";
import { runBot } from "../../src/discord/run-bot.js";
import { LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";
import { createEngine } from "../../src/engine.js";
import type { Engine } from "../../src/engine-types.js";
import { silentLogger } from "../../src/logger.js";
import type * as interactions from "./discord-interactions.js";
import { fakeBotConfig } from "./fake-bot-config.js";
import { APP_ID, startFakeDiscord, type FakeDiscord, type RecordedRequest } from "./fake-discord.js";

export const ISTANBUL = "afghanistan-pakistan-istanbul-talks";

export interface BotHarness {
  fake: FakeDiscord;
  config: Config;
  /** The real engine, as created (not the `wrap`ped one the bot was given). */
  engine: Engine;
  /** Dispatches an interaction to the bot and returns it, so a test can wait for what it causes. */
  send: (sent: interactions.Sent) => interactions.Sent;
  /** Stops the bot, then the engine, then the fake, and deletes the temporary folder. */
  close: () => Promise<void>;
}

export interface BotHarnessOptions {
  /** Names the temporary folder, so a leftover one says which test left it. */
  name: string;
  /** Corpus files besides the Istanbul report, by file name. */
  reports?: Record<string, string>;
  /** Start from an empty corpus folder instead (for tests that add every report themselves). */
  emptyCorpus?: boolean;
  /** Settings over fakeBotConfig's. */
  env?: Record<string, string>;
  /** What the bot gets instead of the engine itself: the real engine with test hooks around it. */
  wrap?: (engine: Engine, config: Config) => Engine;
  logger?: Logger;
  now?: () => number;
  /** How long a reply may still be edited (REPLY_WINDOW_MS unless set). */
  replyWindowMs?: number;
  /**
   * Ingest uploads in this process, with the worker's encoder (and the run's embedding memo), instead of in a child
   * process that loads TypeScript and the model again (seconds of CPU per upload): for tests about what the bot does
   * with an upload, not where the ingest runs (discord-ingest-load.test.ts and ingest-child.test.ts are about that).
   */
  ingestInProcess?: boolean;
}

/**
 * One fake Discord, one real engine over a temporary corpus holding the Istanbul report (or nothing), and the real bot between
 * them: the setup every Discord end-to-end file shares.
 */
export async function startBotHarness(options: BotHarnessOptions): Promise<BotHarness> {
  const fake = await startFakeDiscord();
  const dir = await mkdtemp(path.join(os.tmpdir(), `dossier-${options.name}-`));
  let engine: Engine | undefined;
  let stop: (() => Promise<void>) | undefined;
  const close = async () => {
    await stop?.();
    await engine?.close();
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const corpus = path.join(dir, "corpus");
    await mkdir(corpus);
    if (!options.emptyCorpus) await copyFile(path.resolve("corpus", `${ISTANBUL}.txt`), path.join(corpus, `${ISTANBUL}.txt`));
    for (const [name, text] of Object.entries(options.reports ?? {})) await writeFile(path.join(corpus, name), text);
    const config = fakeBotConfig(dir, fake.apiUrl, options.env);
    const real = await createEngine(config, { logger: silentLogger, ...(options.ingestInProcess ? { embeddings: new LocalUseEmbeddings() } : {}) });
    engine = real;
    stop = await runBot(config, options.wrap?.(real, config) ?? real, options.logger ?? silentLogger, { now: options.now, replyWindowMs: options.replyWindowMs });
    const send = (sent: interactions.Sent) => {
      fake.dispatchInteraction(sent.payload);
      return sent;
    };
    return { fake, config, engine: real, send, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The interaction's first response (an acknowledgement, a modal or a private reply). */
export const isCallback = (s: interactions.Sent) => (r: RecordedRequest) => r.path === `/interactions/${s.id}/${s.token}/callback`;
/** Successful webhook calls (edits, follow-ups, deletes) made for one interaction. */
export const onToken = (s: interactions.Sent) => (r: RecordedRequest) =>
  r.status < 300 && r.path.startsWith(`/webhooks/${APP_ID}/${s.token}`);
export const isOriginalEdit = (s: interactions.Sent) => (r: RecordedRequest) =>
  r.method === "PATCH" && r.path === `/webhooks/${APP_ID}/${s.token}/messages/@original`;
/** An answer's last message is the one carrying the buttons. */
export const isLastAnswerPage = (s: interactions.Sent) => (r: RecordedRequest) =>
  onToken(s)(r) && r.method !== "DELETE" && (r.body?.components?.length ?? 0) > 0;
