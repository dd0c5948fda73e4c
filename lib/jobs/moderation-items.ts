/**
 * The item loop of the moderation kinds (user.redact, user.spam-cleanup): items in order, one at a time,
 * each handled by the kind (which marks it in flight before changing Synapse), its outcome recorded and
 * counted (done counts every finished item, failed the failed among them). A re-run starts over and meets only the items still pending or left in flight. Also: the job
 * result as a patchable object (the redaction ids are kept there before they are followed).
 */
import "server-only";
import type { JobItemRecord } from "@/lib/db/jobs";
import { sleep } from "@/lib/pool";
import { describeError } from "@/lib/synapse/describe-error";
import { isSessionEnded } from "@/lib/synapse/errors";
import { PauseJob, type RunningJob } from "./job-driver";
import { msg } from "@/lib/i18n/message";

/** ok/failed/skipped with a message; null: interrupted mid-item (it stays in flight for the next owner). */
export type ItemEnd = { status: "ok" | "failed" | "skipped"; message: string | null } | null;

export const SESSION_ENDED = msg("moderation.outcomes.sessionEnded");

export async function runItems(job: RunningJob, handle: (item: JobItemRecord) => Promise<ItemEnd>): Promise<void> {
  for (let after = -1; ; ) {
    if (job.cancelled() || job.interrupted()) return;
    const [item] = await job.items(["pending", "in-flight"], after, 1);
    if (!item) return;
    after = item.seq;
    let end: ItemEnd;
    try {
      end = await handle(item);
    } catch (e) {
      if (job.interrupted()) return;
      if (isSessionEnded(e)) throw new PauseJob(SESSION_ENDED, true);
      if (e instanceof PauseJob) throw e;
      end = { status: "failed", message: describeError(e).message };
    }
    if (!end) return;
    await job.setItem(item.id, end.status, end.message);
    job.job.done += 1;
    job.job.failed += end.status === "failed" ? 1 : 0;
    await job.update({ done: job.job.done, failed: job.job.failed });
  }
}

/** Merges into the job's result and writes it (fenced) before the caller goes on. */
export async function patchResult(job: RunningJob, patch: Record<string, unknown>): Promise<Record<string, unknown>> {
  job.job.result = { ...(job.job.result ?? {}), ...patch };
  await job.update({ result: job.job.result });
  return job.job.result;
}

/** Waits between polls; on cancel the wait goes on without the signal (what is in flight is finished). */
export async function pollWait(job: RunningJob, ms: number): Promise<void> {
  await sleep(ms, job.cancelled() ? undefined : job.signal).catch(() => undefined);
}
