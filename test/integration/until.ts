// Waiting in integration tests for something Synapse or a job does in the background.
import { sleep } from "@/lib/pool";

/** Polls `f` every 100 ms until it returns a value, or fails after `ms` naming `what`. */
export async function until<T>(what: string, f: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    const v = await f();
    if (v) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}
