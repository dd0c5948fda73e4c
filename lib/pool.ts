// The one bounded pool and the one sleep. Pure (no Next, no Synapse, no database): every layer may use them.

export type Release = () => void;
export type Slots = { acquire: () => Promise<Release> };

/**
 * At most `limit` holders at once, served first come, first served. A released slot passes straight to
 * the next waiter, so a newcomer cannot overtake the queue. Releasing twice is harmless.
 */
export function createSlots(limit: number): Slots {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async acquire() {
      if (active >= Math.max(1, limit)) await new Promise<void>((r) => waiting.push(r));
      else active++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const next = waiting.shift();
        if (next) next();
        else active--;
      };
    },
  };
}

/**
 * Runs fn over items with at most `concurrency` in flight, starting them in order. Items are a list, or
 * pages read lazily one at a time (the next page is read once the previous items have started). Stops
 * starting new items once `shouldStop()` says so (results of items never started are undefined). If fn
 * throws, no new item starts and the first error is thrown once the items in flight have ended.
 */
export async function mapPool<T, R>(
  items: Iterable<T> | AsyncIterable<T[]>,
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
  shouldStop: () => boolean = () => false,
): Promise<(R | undefined)[]> {
  const slots = createSlots(concurrency);
  const results: (R | undefined)[] = Array.isArray(items) ? new Array(items.length) : [];
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  let index = 0;
  const start = async (item: T): Promise<boolean> => {
    const release = await slots.acquire();
    if (failure || shouldStop()) {
      release();
      return false;
    }
    const i = index++;
    const p = fn(item, i)
      .then((r) => void (results[i] = r), (error) => void (failure ??= { error }))
      .finally(() => (inFlight.delete(p), release()));
    inFlight.add(p);
    return true;
  };
  try {
    if (Symbol.asyncIterator in items) {
      outer: for await (const page of items) for (const item of page) if (!(await start(item))) break outer;
    } else {
      for (const item of items) if (!(await start(item))) break;
    }
  } finally {
    // Also when reading the items failed: nothing keeps running after this returns.
    await Promise.all(inFlight);
  }
  if (failure) throw (failure as { error: unknown }).error;
  return results;
}

/** Waits `ms`; an abort of `signal` ends the wait early by rejecting with the signal's reason. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => (clearTimeout(t), reject(signal!.reason));
    // The listener goes when the wait ends, so a long retry loop on one signal does not pile them up.
    const t = setTimeout(() => (signal?.removeEventListener("abort", onAbort), resolve()), ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
