import "server-only";
import { forHomeserver, type PurgeKind, type PurgeRow } from "@/lib/db/tenant";
import type { RunningJob } from "./job-driver";

/**
 * A kind's view of its job while it runs: the result object (what the progress panel shows, e.g. per-room
 * phases or files deleted so far) and the done/failed figures, written fenced and one write at a time, so
 * two items finishing together cannot overwrite each other's news with an older copy.
 */
export class JobState<R extends Record<string, unknown>> {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly job: RunningJob,
    readonly result: R,
  ) {}

  /** Writes the result as it is now, with other figures (phase, done, ...). Throws LeaseLost. */
  write(u: Parameters<RunningJob["update"]>[0]): Promise<void> {
    const p = this.chain.then(() => this.job.update({ ...u, result: this.result }));
    this.chain = p.catch(() => undefined);
    return p;
  }

  /** done = items ended (ok or failed), failed = failed ones, counted from the items themselves (a
   *  count kept in memory would drift when an owner dies between an item and its count). */
  async counts(): Promise<{ ok: number; failed: number }> {
    const c = (await forHomeserver(this.job.job.homeserver).jobs.countItems(this.job.job.id)) ?? {};
    return { ok: c.ok ?? 0, failed: c.failed ?? 0 };
  }

  async writeCounts(): Promise<void> {
    const { ok, failed } = await this.counts();
    await this.write({ done: ok + failed, failed });
  }
}

/**
 * The history row of a job's target (one per room; one per media job, target null or the user), made on
 * first need and found again by every later run of the job, so a takeover never makes a second one.
 */
export async function purgeRecordFor(job: RunningJob, kind: PurgeKind, target: string | null, scope: Record<string, unknown>): Promise<PurgeRow> {
  const purges = forHomeserver(job.job.homeserver).purges;
  const found = await purges.ofJob(job.job.id, target);
  if (found) return found;
  const id = await purges.start({ actor: job.job.actor, kind, target, scope, jobId: job.job.id });
  return (await purges.get(id))!;
}
