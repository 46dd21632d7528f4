import type { BotContext, Precondition } from "../handler-types.js";
import type { SlidingWindowRateLimiter } from "../rate-limiter.js";

/** Refuses a user who passed `limiter`'s allowance, telling them in how many seconds to try again. */
export function withinRateLimit(
  limiter: (ctx: BotContext) => SlidingWindowRateLimiter,
  refusal: (ctx: BotContext, seconds: number) => string,
): Precondition {
  return async (interaction, ctx) => {
    const decision = limiter(ctx).take(interaction.user.id);
    if (decision.allowed) return { ok: true };
    return { ok: false, message: refusal(ctx, Math.max(1, Math.ceil(decision.retryAfterMs / 1000))) };
  };
}

export const questionRate = withinRateLimit(
  (ctx) => ctx.rateLimiter,
  (ctx, seconds) => `You're asking faster than ${ctx.config.discord.rateLimitPerMinute} questions a minute; try again in ${seconds} s.`,
);

export const voteRate = withinRateLimit(
  (ctx) => ctx.voteLimiter,
  (_ctx, seconds) => `That's a lot of votes at once; try again in ${seconds} s.`,
);
