import { describe, expect, it } from "vitest";
import { SlidingWindowRateLimiter } from "../../../src/discord/rate-limiter.js";

describe("SlidingWindowRateLimiter", () => {
  it("allows `limit` takes per window per key, then says when to retry", () => {
    let now = 1_000_000;
    const limiter = new SlidingWindowRateLimiter(3, 60_000, () => now);
    expect(limiter.take("a")).toEqual({ allowed: true });
    now += 10_000;
    expect(limiter.take("a")).toEqual({ allowed: true });
    expect(limiter.take("a")).toEqual({ allowed: true });
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterMs: 50_000 });
    expect(limiter.take("b")).toEqual({ allowed: true });
  });

  it("slides: the oldest take frees a slot exactly one window later", () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter(2, 60_000, () => now);
    limiter.take("a");
    now = 30_000;
    limiter.take("a");
    now = 59_999;
    expect(limiter.take("a").allowed).toBe(false);
    now = 60_000;
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterMs: 30_000 });
  });

  it("does not count refused attempts against the user", () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter(1, 60_000, () => now);
    limiter.take("a");
    for (let i = 0; i < 5; i++) limiter.take("a");
    now = 60_000;
    expect(limiter.take("a").allowed).toBe(true);
  });

  it("forgets idle users once many have been seen", () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter(1, 1000, () => now);
    for (let i = 0; i < 1001; i++) limiter.take(`user-${i}`);
    now = 5000;
    limiter.take("late");
    expect((limiter as unknown as { hits: Map<string, number[]> }).hits.size).toBeLessThan(10);
  });
});
