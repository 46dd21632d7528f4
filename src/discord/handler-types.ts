import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Logger } from "pino";
import type { Answer } from "../answer/answer.js";
import type { Config } from "../config.js";
import type { Engine } from "../engine-types.js";
import type { InFlightQueue } from "./in-flight-queue.js";
import type { LRUCache } from "lru-cache";
import type { SlidingWindowRateLimiter } from "./rate-limiter.js";

/** What every handler may use; built once per bot so tests can run several bots side by side. */
export interface BotContext {
  config: Config;
  engine: Engine;
  logger: Logger;
  rateLimiter: SlidingWindowRateLimiter;
  /** Bounds answers computed at once (config.discord.maxInFlight). */
  answerQueue: InFlightQueue;
  /** Ingests run one at a time so two uploads cannot race on the corpus folder or the index swap. */
  ingestQueue: InFlightQueue;
  /** Recent answers by the /ask interaction id, for the buttons under them. */
  recentAnswers: LRUCache<string, Answer>;
}

export type PreconditionResult = { ok: true } | { ok: false; message: string };

/** A permission check kept apart from command logic; the dispatcher replies with the refusal in one place. */
export type Precondition = (interaction: ChatInputCommandInteraction) => PreconditionResult;

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  preconditions?: readonly Precondition[];
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/** Buttons are routed by the first `:`-separated part of their custom id; the rest arrives as `args`. */
export interface ButtonHandler {
  prefix: string;
  execute(interaction: ButtonInteraction, ctx: BotContext, args: string[]): Promise<void>;
}
