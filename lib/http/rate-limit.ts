// Sliding-window counters per key, in memory (one portal process). Pure apart from the clock.

export type RateLimitVerdict = { ok: true } | { ok: false; retryAfterMs: number };

export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now) {
  const hits = new Map<string, number[]>();
  return {
    take(key: string): RateLimitVerdict {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((at) => t - at < windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return { ok: false, retryAfterMs: windowMs - (t - recent[0]) };
      }
      recent.push(t);
      hits.set(key, recent);
      // Forget idle keys now and then, so a flood of addresses does not grow the map for ever.
      if (hits.size > 10_000) for (const [k, v] of hits) if (v.every((at) => t - at >= windowMs)) hits.delete(k);
      return { ok: true };
    },
  };
}
