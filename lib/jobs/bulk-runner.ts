// Bounded-concurrency execution for bulk actions. Pure (no Next, no Synapse): unit-tested with fake tasks.
import { mapPool } from "@/lib/pool";

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
  await mapPool(
    items,
    concurrency,
    async (item) => {
      let outcome: ItemOutcome;
      try {
        outcome = await task(item);
      } catch (e) {
        outcome = { ok: false, message: e instanceof Error ? e.message : String(e) };
      }
      onOutcome(item, outcome);
    },
    stop,
  );
}
