import { DiscordjsError, DiscordjsErrorCodes, Events, RESTEvents, type Client } from "discord.js";
import type { Logger } from "pino";
import type { Answer } from "../answer/answer.js";
import { ConfigError, type Config } from "../config.js";
import { unreachableDiscord } from "./unreachable.js";
import type { Engine } from "../engine-types.js";
import { createClient, requireToken } from "./client.js";
import { ConversationStore } from "./conversations.js";
import { createInteractionHandler } from "./handle-interaction.js";
import type { BotContext } from "./handler-types.js";
import { InFlightQueue } from "./in-flight-queue.js";
import { LRUCache } from "lru-cache";
import { SlidingWindowRateLimiter } from "./rate-limiter.js";

/** Enough to keep the buttons of a busy day's answers working, small enough to never matter for memory. */
const RECENT_ANSWERS = 500;
/** Votes one user may cast in a minute: enough to change one's mind, too few to flood the feedback log. */
const VOTES_PER_MINUTE = 10;
/** How long shutdown waits for answers already being written before disconnecting anyway. */
const DRAIN_TIMEOUT_MS = 10_000;
/**
 * Discord takes edits of an interaction's reply for 15 minutes after it was sent; a minute is kept back for the edit
 * itself (a 429 waited out, the way from Discord to the bot).
 */
export const REPLY_WINDOW_MS = 14 * 60_000;

export type StopBot = () => Promise<void>;

/**
 * Logs the bot in and serves interactions from `engine` until the returned stop function is called.
 * Resolves once the gateway session is ready, after logging one ready line. `now` is the clock conversations idle on
 * and `replyWindowMs` how long a reply may still be edited (tests pass their own).
 */
export async function runBot(config: Config, engine: Engine, logger: Logger, options: { now?: () => number; replyWindowMs?: number } = {}): Promise<StopBot> {
  const token = requireToken(config);
  const ctx: BotContext = {
    config,
    engine,
    logger,
    rateLimiter: new SlidingWindowRateLimiter(config.discord.rateLimitPerMinute),
    voteLimiter: new SlidingWindowRateLimiter(VOTES_PER_MINUTE),
    answerQueue: new InFlightQueue(config.discord.maxInFlight),
    recentAnswers: new LRUCache<string, Answer>({ max: RECENT_ANSWERS }),
    conversations: new ConversationStore(config.conversation, options.now),
    replyWindowMs: options.replyWindowMs ?? REPLY_WINDOW_MS,
  };
  const handler = createInteractionHandler(ctx);
  const client = createClient(config);
  const onInteraction = (interaction: Parameters<typeof handler.handle>[0]) => void handler.handle(interaction);
  client.on(Events.InteractionCreate, onInteraction);
  // Without an error listener an EventEmitter error would crash the process.
  client.on(Events.Error, (err) => logger.error({ err }, "discord client error"));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, "rate limited by Discord; waiting"),
  );

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
    await ready;
  } catch (err) {
    await client.destroy();
    if (err instanceof DiscordjsError && err.code === DiscordjsErrorCodes.TokenInvalid) {
      throw new ConfigError("Discord rejected DISCORD_TOKEN: copy the bot token from the developer portal again");
    }
    throw unreachableDiscord(err, config.discord.apiUrl) ?? err;
  }
  logger.info(
    {
      user: client.user?.tag,
      guilds: client.guilds.cache.size,
      reports: engine.reports().length,
      rateLimitPerMinute: config.discord.rateLimitPerMinute,
      maxInFlight: config.discord.maxInFlight,
    },
    "Dossier bot ready",
  );

  return async () => {
    client.off(Events.InteractionCreate, onInteraction);
    const drained = await Promise.race([
      handler.idle().then(() => true),
      new Promise<false>((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS, false).unref()),
    ]);
    if (!drained) logger.warn("stopping with answers still in progress");
    await client.destroy();
    logger.info("Dossier bot stopped");
  };
}

