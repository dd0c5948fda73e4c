// Per-address limits of anonymous sign-in attempts (a sliding window with a fake clock).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRateLimiter } from "@/lib/http/rate-limit";

test("the limit+1st attempt in the window is refused with the time until a slot frees", () => {
  let now = 1_000_000;
  const l = createRateLimiter(3, 60_000, () => now);
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(l.take("203.0.113.7"), { ok: true });
    now += 1_000;
  }
  assert.deepEqual(l.take("203.0.113.7"), { ok: false, retryAfterMs: 57_000 });
  // Another address has its own budget.
  assert.deepEqual(l.take("198.51.100.1"), { ok: true });
  now += 57_000;
  assert.deepEqual(l.take("203.0.113.7"), { ok: true });
});

test("refused attempts do not extend the wait", () => {
  let now = 0;
  const l = createRateLimiter(1, 10_000, () => now);
  assert.equal(l.take("a").ok, true);
  now = 5_000;
  assert.deepEqual(l.take("a"), { ok: false, retryAfterMs: 5_000 });
  now = 10_000;
  assert.equal(l.take("a").ok, true);
});
