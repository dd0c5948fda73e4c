/**
 * The dashboard's user activity (active users in the last 1/7/30 days, registrations per month) as a stored
 * snapshot per homeserver. Synapse has no aggregate for either, so the figures need a read of the whole user
 * list: a job of the runtime does it and stores the result, and a page view reads one row. The page asks for
 * a new computation when the snapshot is missing or older than STALE_MS; Refresh asks whatever its age.
 * At most one is pending per homeserver (a conditional update on the snapshot row decides, on any instance).
 *
 * The job works with the requesting admin's session token (no device of its own: it is short, and Synapse
 * mints one login token per minute). A job that cannot finish fails and ends the request, so the next page
 * view asks again; it never pauses waiting for a Resume.
 */
import "server-only";
import { forHomeserver, LeaseLost } from "@/lib/db/tenant";
import { describeError } from "@/lib/synapse/describe-error";
import { msg } from "@/lib/i18n/message";
import { getUserActivity } from "@/lib/synapse/user-activity";
import type { JobKind } from "./job-driver";
import { startJob, type JobOwner } from "./jobs";

export const DASHBOARD_ACTIVITY_KIND = "dashboard.activity";
export const STALE_MS = 5 * 60_000;
/** A request this old whose job never ended it (its rows deleted by hand, say) no longer blocks a new one. */
const PENDING_MS = 15 * 60_000;

export const dashboardActivityKind: JobKind = {
  kind: DASHBOARD_ACTIVITY_KIND,
  needsCredential: false, // checked in run: without one the job fails instead of pausing
  async run(job) {
    const activity = forHomeserver(job.job.homeserver).activity;
    if (!job.creds) {
      const message = msg("dashboard.activity.noToken");
      await activity.release(message);
      return { status: "failed", message };
    }
    try {
      await job.update({ phase: "reading users" });
      const asOf = new Date();
      const figures = await getUserActivity(job.creds, 12, asOf.getTime());
      if (job.interrupted()) return { status: "stopped" }; // the next owner reads again
      await activity.save(figures, asOf);
      // One computation every few minutes: only the latest stays in the job list.
      await forHomeserver(job.job.homeserver).jobs.deleteEnded(DASHBOARD_ACTIVITY_KIND, job.job.id);
      await job.update({ phase: "stored", done: figures.totalUsers, total: figures.totalUsers });
      return { status: "completed", result: { totalUsers: figures.totalUsers, asOf: asOf.toISOString() } };
    } catch (e) {
      if (e instanceof LeaseLost || job.interrupted()) throw e;
      const ui = describeError(e);
      if (ui.code === "UNEXPECTED") console.error(`[portal] dashboard activity job ${job.job.id} failed:`, e instanceof Error ? e.stack : e);
      await activity.release(msg("dashboard.activity.countFailed", { reason: ui.message }));
      return { status: "failed", message: ui.message };
    }
  },
};

export type RefreshOutcome = "queued" | "pending" | "fresh";

/**
 * Enqueues a computation unless one is pending (or, without `force`, the snapshot is fresh). Returns what
 * happened: "queued" (this call started the job), "pending" (one is under way), "fresh" (nothing to do).
 */
export async function requestActivitySnapshot(owner: JobOwner, opts: { force: boolean }): Promise<RefreshOutcome> {
  const activity = forHomeserver(owner.homeserver).activity;
  const now = new Date();
  const claimed = await activity.claimRefresh({
    now,
    staleBefore: opts.force ? null : new Date(now.getTime() - STALE_MS),
    pendingBefore: new Date(now.getTime() - PENDING_MS),
  });
  if (!claimed) return (await activity.get())?.requestedAt ? "pending" : "fresh";
  try {
    await activity.noteJob(await startJob(owner, { kind: DASHBOARD_ACTIVITY_KIND, params: {}, phase: "queued" }));
  } catch (e) {
    await activity.release(null);
    throw e;
  }
  return "queued";
}

/** The snapshot for the page; asks for a computation when it is missing or stale and none is pending. */
export async function readActivitySnapshot(owner: JobOwner) {
  const activity = forHomeserver(owner.homeserver).activity;
  const snap = await activity.get();
  const now = Date.now();
  const stale = !snap?.figures || now - snap.figures.computedAt.getTime() >= STALE_MS;
  if (stale && (!snap?.requestedAt || now - snap.requestedAt.getTime() >= PENDING_MS)) {
    await requestActivitySnapshot(owner, { force: false });
    return activity.get();
  }
  return snap;
}
