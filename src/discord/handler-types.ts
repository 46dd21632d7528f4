import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import type { Answer } from "../answer/answer.js";
import type { Config } from "../config.js";
import type { Engine } from "../engine-types.js";
import type { ConversationStore } from "./conversations.js";
import type { InFlightQueue } from "./in-flight-queue.js";
import type { SlidingWindowRateLimiter } from "./rate-limiter.js";

/** What every handler may use; built once per bot so tests can run several bots side by side. */
export interface BotContext {
  config: Config;
  engine: Engine;
  logger: Logger;
  /** Questions per user (config.discord.rateLimitPerMinute). */
  rateLimiter: SlidingWindowRateLimiter;
  /** Votes per user, so a burst of clicks cannot flood the feedback log. */
  voteLimiter: SlidingWindowRateLimiter;
  /** Bounds answers computed at once (config.discord.maxInFlight). */
  answerQueue: InFlightQueue;
  /** Recent answers by the /ask interaction id, for the buttons under them. */
  recentAnswers: LRUCache<string, Answer>;
  /** Conversations the follow-up buttons continue. */
  conversations: ConversationStore;
  /** How long after an interaction arrives its reply may still be edited (REPLY_WINDOW_MS; tests shorten it). */
  replyWindowMs: number;
}

export type RepliableInteraction = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

export type PreconditionResult = { ok: true } | { ok: false; message: string };

/**
 * A check kept apart from command and button logic (permissions, rate limits); the dispatcher runs them in order
 * before the handler and replies with the refusal, privately, in one place.
 */
export type Precondition = (interaction: RepliableInteraction, ctx: BotContext) => Promise<PreconditionResult>;

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  preconditions?: readonly Precondition[];
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/**
 * Buttons are routed by the first `:`-separated part of their custom id. Each button module builds its own ids
 * (with `customId`) and reads them back (with `customIdParts`), so the format lives in one place per button.
 */
export interface ButtonHandler {
  prefix: string;
  preconditions?: readonly Precondition[];
  execute(interaction: ButtonInteraction, ctx: BotContext): Promise<void>;
}

/** Modal submits are routed like buttons, by the first `:`-separated part of the modal's custom id. */
export interface ModalHandler {
  prefix: string;
  preconditions?: readonly Precondition[];
  execute(interaction: ModalSubmitInteraction, ctx: BotContext): Promise<void>;
}
