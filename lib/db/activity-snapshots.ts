import "server-only";
import { ACTIVE_WINDOWS_DAYS, type UserActivity } from "@/lib/schemas/dashboard";
import { db, isUniqueViolation } from "./client";

// The dashboard's stored user activity figures, one row per homeserver (requests go through lib/db/tenant.ts).

export type ActivityFigures = UserActivity;

export type ActivitySnapshotRecord = {
  homeserver: string;
  /** null until the first computation has finished */
  figures: (ActivityFigures & { computedAt: Date }) | null;
  /** a computation is queued or running since then */
  requestedAt: Date | null;
  jobId: number | null;
  error: string | null;
};

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["activitySnapshot"]["findUnique"]>>>;

function toRecord(r: Row): ActivitySnapshotRecord {
  const counts = [r.active1d, r.active7d, r.active30d];
  const complete = r.computedAt && r.totalUsers !== null && r.perMonth !== null && counts.every((c) => c !== null);
  return {
    homeserver: r.homeserver,
    figures: complete
      ? {
          computedAt: r.computedAt!,
          totalUsers: r.totalUsers!,
          perMonth: JSON.parse(r.perMonth!) as ActivityFigures["perMonth"],
          active: ACTIVE_WINDOWS_DAYS.map((days, i) => ({ days, count: counts[i]! })),
        }
      : null,
    requestedAt: r.requestedAt,
    jobId: r.jobId,
    error: r.error,
  };
}

export async function getActivitySnapshot(homeserver: string): Promise<ActivitySnapshotRecord | null> {
  const r = await db().activitySnapshot.findUnique({ where: { homeserver } });
  return r ? toRecord(r) : null;
}

export type RefreshClaim = {
  now: Date;
  /** Only when the figures were computed before this (null: whatever their age, e.g. the Refresh button). */
  staleBefore: Date | null;
  /** A request older than this is taken as lost (its job ended without saying so). */
  pendingBefore: Date;
};

/**
 * Marks a computation as requested unless one is pending (or the figures are fresh): a conditional update,
 * so of several requests at once, on any number of instances, exactly one gets true and enqueues the job.
 */
export async function claimActivityRefresh(homeserver: string, c: RefreshClaim): Promise<boolean> {
  const claim = () =>
    db().activitySnapshot.updateMany({
      where: {
        homeserver,
        OR: [{ requestedAt: null }, { requestedAt: { lt: c.pendingBefore } }],
        ...(c.staleBefore ? { AND: [{ OR: [{ computedAt: null }, { computedAt: { lt: c.staleBefore } }] }] } : {}),
      },
      data: { requestedAt: c.now, jobId: null },
    });
  if ((await claim()).count === 1) return true;
  // No row yet, or a request at once made it after our claim looked: claim again once the row exists.
  if (!(await db().activitySnapshot.count({ where: { homeserver } }))) {
    try {
      await db().activitySnapshot.create({ data: { homeserver } });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e; // another request made it first
    }
  }
  return (await claim()).count === 1;
}

/** The job that computes the claimed request. */
export async function noteActivityJob(homeserver: string, jobId: number): Promise<void> {
  await db().activitySnapshot.updateMany({ where: { homeserver }, data: { jobId } });
}

/** Stores the figures and ends the request. */
export async function saveActivitySnapshot(homeserver: string, f: ActivityFigures, computedAt: Date): Promise<void> {
  const byDays = (d: number) => f.active.find((a) => a.days === d)?.count ?? 0;
  await db().activitySnapshot.updateMany({
    where: { homeserver },
    data: {
      computedAt,
      totalUsers: f.totalUsers,
      active1d: byDays(1),
      active7d: byDays(7),
      active30d: byDays(30),
      perMonth: JSON.stringify(f.perMonth),
      requestedAt: null,
      jobId: null,
      error: null,
    },
  });
}

/** Ends the request without new figures (the old ones stay); `error` says why, if it failed. */
export async function releaseActivityRefresh(homeserver: string, error: string | null): Promise<void> {
  await db().activitySnapshot.updateMany({ where: { homeserver }, data: { requestedAt: null, jobId: null, ...(error ? { error } : {}) } });
}
