/**
 * One "redact all of a user's events" step of a job, exactly once: Synapse's redaction is a task that
 * cannot be asked for twice harmlessly, so its id is written to the job result (under the item's key)
 * before it is followed, and an item found in flight without an id is looked up in Synapse's scheduler
 * (a task for this user since the job was created) before anything is sent again. A takeover follows the
 * same id. Used by user.redact and user.spam-cleanup.
 */
import "server-only";
import type { JobItemRecord } from "@/lib/db/jobs";
import { findUserRedactionSince, getUserRedactionStatus, startUserRedaction } from "@/lib/synapse/user-redact";
import type { RunningJob } from "./job-driver";
import { patchResult, pollWait, type ItemEnd } from "./moderation-items";
import { msg } from "@/lib/i18n/message";

const POLL_FIRST_MS = 300;
const POLL_MAX_MS = 3_000;
/** Tolerance between the portal's clock (job creation) and Synapse's (task timestamps). */
const CLOCK_SLACK_MS = 60_000;

export type RedactParams = { userId: string; rooms: string[]; reason?: string };

function redactIds(job: RunningJob): Record<string, string> {
  return (job.job.result?.redactIds as Record<string, string> | undefined) ?? {};
}

export async function redactStep(job: RunningJob, item: JobItemRecord, p: RedactParams): Promise<ItemEnd> {
  const creds = job.creds!;
  let id: string | null = redactIds(job)[item.key] ?? null;
  if (!id) {
    if (item.status === "in-flight") id = await findUserRedactionSince(creds, p.userId, job.job.createdAt.getTime() - CLOCK_SLACK_MS);
    if (!id) {
      if (item.status !== "in-flight") await job.setItem(item.id, "in-flight");
      id = await startUserRedaction(creds, p.userId, { rooms: p.rooms, reason: p.reason });
    }
    await patchResult(job, { redactIds: { ...redactIds(job), [item.key]: id } });
  } else if (item.status !== "in-flight") {
    await job.setItem(item.id, "in-flight");
  }
  for (let wait = POLL_FIRST_MS; ; wait = Math.min(wait * 2, POLL_MAX_MS)) {
    if (job.interrupted()) return null;
    const s = await getUserRedactionStatus(creds, id);
    if (!s) return { status: "failed", message: msg("moderation.outcomes.taskGone", { id }) };
    if (s.state === "complete") {
      const failed = Object.entries(s.failed);
      if (failed.length === 0) return { status: "ok", message: msg("moderation.outcomes.redacted", { id }) };
      return { status: "failed", message: msg("moderation.outcomes.redactFailed", { count: failed.length, event: failed[0][0], error: failed[0][1] }) };
    }
    if (s.state === "failed" || s.state === "cancelled") return { status: "failed", message: msg(s.error ? "moderation.outcomes.taskEndedError" : "moderation.outcomes.taskEnded", { state: s.state, error: s.error ?? "" }) };
    await pollWait(job, wait);
  }
}
