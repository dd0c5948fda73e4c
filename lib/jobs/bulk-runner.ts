// Bounded-concurrency execution for bulk actions. Pure (no Next, no Synapse): unit-tested with fake tasks.

export type ItemOutcome = { ok: true; message?: string } | { ok: false; message: string };

/**
 * Runs `task` for every item with at most `concurrency` in flight. A failed item never stops the
 * others; `stop()` returning true (cancel, or the admin's session ended) stops starting new items.
 */
export async function runBounded<T>(
  items: AsyncIterable<T[]> | Iterable<T>,
  concurrency: number,
  task: (item: T) => Promise<ItemOutcome>,
  onOutcome: (item: T, outcome: ItemOutcome) => void,
  stop: () => boolean = () => false,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  const launch = async (item: T) => {
    let outcome: ItemOutcome;
    try {
      outcome = await task(item);
    } catch (e) {
      outcome = { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    onOutcome(item, outcome);
  };
  const feed = async (item: T) => {
    while (inFlight.size >= Math.max(1, concurrency)) await Promise.race(inFlight);
    if (stop()) return false;
    const p = launch(item).finally(() => inFlight.delete(p));
    inFlight.add(p);
    return true;
  };
  outer: if (Symbol.asyncIterator in items) {
    for await (const batch of items as AsyncIterable<T[]>) {
      for (const item of batch) if (!(await feed(item))) break outer;
    }
  } else {
    for (const item of items as Iterable<T>) if (!(await feed(item))) break;
  }
  await Promise.all(inFlight);
}
