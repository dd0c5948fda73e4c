/**
 * Job kind "user.spam-cleanup": after a spam wave, for each user in turn, the chosen steps in this order —
 * redact their events (while they are still in the rooms: Synapse redacts in the user's name, which needs
 * the membership), delete their uploads, make them leave their rooms, deactivate (optionally erase). Each
 * step is an item `<userId>#<step>` with its own outcome and audit entry; a failed step does not stop the
 * later ones. Exactly once: the redaction follows redact-step.ts; the other steps are safe to repeat, so an
 * item left in flight by a dead owner is simply run again.
 */
import "server-only";
import { record } from "@/lib/audit/record";
import { deactivateForCleanup, deleteAllUserMedia, leaveAllRooms } from "@/lib/synapse/spam-cleanup";
import type { JobItemRecord } from "@/lib/db/jobs";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { CLEANUP_STEPS, type CleanupStep } from "@/lib/schemas/moderation";
import type { JobKind, RunningJob } from "./job-driver";
import { runItems, type ItemEnd } from "./moderation-items";
import { redactStep } from "./redact-step";
import { jobAuditContext } from "./jobs";
import { msg } from "@/lib/i18n/message";

export const SPAM_CLEANUP = "user.spam-cleanup";
export type SpamCleanupParams = { steps: CleanupStep[]; erase: boolean; reason?: string };

/** The items of a clean-up: every user's steps, in the order they run. */
export function cleanupItems(userIds: string[], steps: CleanupStep[]): string[] {
  const chosen = CLEANUP_STEPS.filter((s) => steps.includes(s));
  return userIds.flatMap((u) => chosen.map((s) => `${u}#${s}`));
}

export function parseCleanupItem(key: string): { userId: string; step: CleanupStep } {
  const at = key.lastIndexOf("#");
  return { userId: key.slice(0, at), step: key.slice(at + 1) as CleanupStep };
}

async function runStep(job: RunningJob, item: JobItemRecord, p: SpamCleanupParams): Promise<ItemEnd> {
  const creds = job.creds!;
  const { userId, step } = parseCleanupItem(item.key);
  if (step === "redact") return redactStep(job, item, { userId, rooms: [], reason: p.reason });
  // The other steps may be repeated: a takeover runs an in-flight one again.
  if (item.status !== "in-flight") await job.setItem(item.id, "in-flight");
  switch (step) {
    case "media": {
      const n = await deleteAllUserMedia(creds, userId);
      return { status: "ok", message: msg("moderation.outcomes.filesDeleted", { count: n }) };
    }
    case "rooms": {
      try {
        const n = await leaveAllRooms(creds, userId);
        return { status: "ok", message: msg("moderation.outcomes.leftRooms", { count: n }) };
      } catch (e) {
        if (!(e instanceof PortalRefusal && e.code === "USER_LOCKED")) throw e;
        // Deactivation removes the user from every room as well, lock or not.
        if (p.steps.includes("deactivate")) return { status: "skipped", message: msg("moderation.outcomes.lockedSkipped", { reason: e.message }) };
        return { status: "failed", message: msg("moderation.outcomes.lockedFailed", { reason: e.message }) };
      }
    }
    case "deactivate":
      await deactivateForCleanup(creds, userId, p.erase);
      return { status: "ok", message: msg(p.erase ? "moderation.outcomes.erased" : "moderation.outcomes.deactivated") };
  }
}

async function run(job: RunningJob) {
  const p = job.job.params as SpamCleanupParams;
  const ctx = jobAuditContext(job.job);
  await job.update({ phase: "cleaning up" });
  await runItems(job, async (item) => {
    const end = await runStep(job, item, p);
    if (end) {
      const { userId, step } = parseCleanupItem(item.key);
      await record(ctx, { action: `user.spam-cleanup.${step}`, target: userId, params: { job: job.job.id, ...(step === "deactivate" ? { erase: p.erase } : {}) } }, end.status, end.message ?? undefined);
    }
    return end;
  });
  const failed = job.job.failed;
  return { status: "completed" as const, message: failed ? msg("moderation.outcomes.someFailed", { done: job.job.done - failed, failed }) : msg("moderation.outcomes.allDone", { count: job.job.done }) };
}

export const spamCleanupKind: JobKind = { kind: SPAM_CLEANUP, needsCredential: true, run };
