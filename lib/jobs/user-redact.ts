/**
 * Job kind "user.redact": redacts all events of one or more users (items: user ids), in every room or in
 * the chosen ones, through Synapse's own redaction task (see redact-step.ts). Each user is audited.
 */
import "server-only";
import { record } from "@/lib/audit/record";
import type { JobKind, RunningJob } from "./job-driver";
import { runItems } from "./moderation-items";
import { redactStep } from "./redact-step";
import { jobAuditContext } from "./jobs";

export const USER_REDACT = "user.redact";
export type UserRedactParams = { rooms: string[]; reason?: string };

async function run(job: RunningJob) {
  const p = job.job.params as UserRedactParams;
  const ctx = jobAuditContext(job.job);
  await job.update({ phase: "redacting" });
  await runItems(job, async (item) => {
    const end = await redactStep(job, item, { userId: item.key, rooms: p.rooms, reason: p.reason });
    if (end) {
      const what = { action: "user.redact-events", target: item.key, params: { rooms: p.rooms.length ? p.rooms : "all", reason: p.reason, job: job.job.id } };
      await record(ctx, what, end.status === "ok" ? "ok" : "failed", end.message ?? undefined);
    }
    return end;
  });
  const failed = job.job.failed;
  return {
    status: "completed" as const,
    message: failed ? `${job.job.done - failed} users' events redacted, ${failed} with failures (see the items).` : `All events of ${job.job.done} users redacted.`,
  };
}

export const userRedactKind: JobKind = { kind: USER_REDACT, needsCredential: true, run };
