export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

// Ours stays: @sapphire/ratelimits and rate-limiter-flexible's memory limiter count fixed windows, which let a burst
// straddling a window boundary through twice (and sapphire's sweep timer keeps the process alive).
/**
 * Per-key sliding-window limit: at most `limit` takes in any `windowMs`. A sliding window (not a fixed minute)
 * so a burst straddling a minute boundary cannot double the allowance.
 */
export class SlidingWindowRateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): RateDecision {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterMs: oldest + this.windowMs - now };
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 1000) this.forgetIdle(now);
    return { allowed: true };
  }

  /** Keeps memory bounded by users active in the last window rather than every user ever seen. */
  private forgetIdle(now: number): void {
    for (const [key, times] of this.hits) {
      if ((times.at(-1) ?? 0) <= now - this.windowMs) this.hits.delete(key);
    }
  }
}
