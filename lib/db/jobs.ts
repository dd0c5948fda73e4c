import "server-only";
import { db } from "./client";
import type { Lease } from "./leases";

// The Job aggregate: every kind of long work but the CSV import, and its items. Writes made by the
// instance running a job are fenced (they name the lease counter), so a stale owner changes nothing;
// requests for an admin go through lib/db/tenant.ts.

export type JobStatus = "queued" | "running" | "paused" | "cancelling" | "completed" | "stopped" | "cancelled" | "failed";
export type ItemStatus = "pending" | "in-flight" | "ok" | "failed" | "skipped";

export type JobRecord = {
  id: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  kind: string;
  homeserver: string;
  actor: string;
  params: Record<string, unknown>;
  status: JobStatus;
  phase: string | null;
  done: number;
  failed: number;
  total: number | null;
  result: Record<string, unknown> | null;
  message: string | null;
  credential: string | null;
  credentialKind: string | null;
  cancelRequested: boolean;
  cancelledBy: string | null;
  owner: string | null;
  leaseUntil: Date | null;
  fence: number;
};
export type JobItemRecord = { id: number; seq: number; key: string; status: ItemStatus; message: string | null; finishedAt: Date | null };

type Row = Awaited<ReturnType<ReturnType<typeof db>["job"]["findFirstOrThrow"]>>;
function toJob(r: Row): JobRecord {
  return {
    ...r,
    params: JSON.parse(r.params) as Record<string, unknown>,
    result: r.result ? (JSON.parse(r.result) as Record<string, unknown>) : null,
    status: r.status as JobStatus,
  };
}

/** A write by an instance whose lease is gone: it must stop, the job belongs to another instance now. */
export class LeaseLost extends Error {
  readonly name = "LeaseLost";
}

export type JobCreate = {
  kind: string;
  homeserver: string;
  actor: string;
  params: Record<string, unknown>;
  total?: number | null;
  phase?: string | null;
  /** The item keys in order (users, rooms, files); duplicates are dropped. */
  items?: string[];
  /** Seals the credential for the new id (the id is part of the sealed data). */
  credential?: { seal: (jobId: number) => string; kind: string };
};

/** Creates the job with its items and sealed credential in one transaction: no instance sees it half made. */
export async function createJob(j: JobCreate): Promise<number> {
  const keys = [...new Set(j.items ?? [])];
  return db().$transaction(async (tx) => {
    const row = await tx.job.create({
      data: {
        kind: j.kind,
        homeserver: j.homeserver,
        actor: j.actor,
        params: JSON.stringify(j.params),
        status: "queued",
        phase: j.phase ?? null,
        total: j.total ?? (j.items ? keys.length : null),
      },
    });
    if (j.credential) await tx.job.update({ where: { id: row.id }, data: { credential: j.credential.seal(row.id), credentialKind: j.credential.kind } });
    for (let i = 0; i < keys.length; i += 500) {
      await tx.jobItem.createMany({ data: keys.slice(i, i + 500).map((key, k) => ({ jobId: row.id, seq: i + k, key, status: "pending" })) });
    }
    return row.id;
  });
}

export async function getJob(id: number): Promise<JobRecord | null> {
  const r = await db().job.findUnique({ where: { id } });
  return r ? toJob(r) : null;
}

export async function findJob(homeserver: string, id: number): Promise<JobRecord | null> {
  const r = await db().job.findFirst({ where: { id, homeserver } });
  return r ? toJob(r) : null;
}

export type JobFilter = { kinds?: string[]; statuses?: JobStatus[]; actor?: string };

export async function listJobs(homeserver: string, f: JobFilter, page: { skip: number; take: number }): Promise<{ rows: JobRecord[]; total: number }> {
  const where = {
    homeserver,
    ...(f.kinds ? { kind: { in: f.kinds } } : {}),
    ...(f.statuses ? { status: { in: f.statuses } } : {}),
    ...(f.actor ? { actor: f.actor } : {}),
  };
  const [rows, total] = await Promise.all([
    db().job.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page }),
    db().job.count({ where }),
  ]);
  return { rows: rows.map(toJob), total };
}

export type JobUpdate = Partial<
  Pick<JobRecord, "status" | "phase" | "done" | "failed" | "total" | "result" | "message" | "credential" | "credentialKind" | "cancelRequested"> & {
    startedAt: Date;
    finishedAt: Date;
  }
>;

function data(u: JobUpdate) {
  const { result, ...rest } = u;
  return { ...rest, ...(result !== undefined ? { result: result === null ? null : JSON.stringify(result) } : {}) };
}

/** A write by the lease holder; throws LeaseLost when the counter moved on. */
export async function updateJobFenced(l: Lease, u: JobUpdate): Promise<void> {
  const r = await db().job.updateMany({ where: { id: l.id, fence: l.fence }, data: data(u) });
  if (r.count !== 1) throw new LeaseLost(`job ${l.id}: lease ${l.fence} lost`);
}

/** Changes the status only from one of `from` (two requests racing cannot both win). */
export async function transitionJob(homeserver: string, id: number, from: JobStatus[], u: JobUpdate & { status: JobStatus }): Promise<boolean> {
  const r = await db().job.updateMany({ where: { id, homeserver, status: { in: from } }, data: data(u) });
  return r.count === 1;
}

/** Asks for a cancel: the flag (which the owner polls) and who asked, then the status it leads to. */
export async function requestJobCancel(homeserver: string, id: number, by: string): Promise<JobStatus | null> {
  const job = await findJob(homeserver, id);
  if (!job) return null;
  const now = new Date();
  // Nobody runs a paused or queued-and-unclaimed job: it ends here. A running one ends at its owner.
  if (await transitionJob(homeserver, id, ["paused"], { status: "cancelled", cancelRequested: true, finishedAt: now, message: "Cancelled." })) {
    await db().job.updateMany({ where: { id }, data: { cancelledBy: by } });
    return "cancelled";
  }
  await db().job.updateMany({ where: { id, homeserver, status: { in: ["queued", "running", "cancelling"] } }, data: { cancelRequested: true, cancelledBy: by } });
  await transitionJob(homeserver, id, ["running"], { status: "cancelling" });
  return (await findJob(homeserver, id))?.status ?? null;
}

// Items ----------------------------------------------------------------------------------------------

/** Adds items found while the job runs (e.g. "all matching" users, a page at a time); known keys are kept. */
export async function addItemsFenced(l: Lease, keys: string[]): Promise<number> {
  const known = new Set((await db().jobItem.findMany({ where: { jobId: l.id, key: { in: keys } }, select: { key: true } })).map((r) => r.key));
  const last = await db().jobItem.findFirst({ where: { jobId: l.id }, orderBy: { seq: "desc" }, select: { seq: true } });
  const fresh = [...new Set(keys)].filter((k) => !known.has(k));
  if (fresh.length === 0) return 0;
  await assertHolds(l);
  const base = (last?.seq ?? -1) + 1;
  await db().jobItem.createMany({ data: fresh.map((key, i) => ({ jobId: l.id, seq: base + i, key, status: "pending" })) });
  return fresh.length;
}

/** Items in one of `statuses` after `afterSeq`, in order. */
export async function itemsAfter(jobId: number, statuses: ItemStatus[], afterSeq: number, take: number): Promise<JobItemRecord[]> {
  const rows = await db().jobItem.findMany({ where: { jobId, status: { in: statuses }, seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take });
  return rows.map((r) => ({ ...r, status: r.status as ItemStatus }));
}

/** Sets an item's state; fenced through its job, so a stale owner's write matches no row. */
export async function setItemFenced(l: Lease, itemId: number, status: ItemStatus, message: string | null = null): Promise<void> {
  const done = status === "pending" || status === "in-flight" ? null : new Date();
  const r = await db().jobItem.updateMany({ where: { id: itemId, jobId: l.id, job: { is: { fence: l.fence } } }, data: { status, message, finishedAt: done } });
  if (r.count !== 1) throw new LeaseLost(`job ${l.id}: lease ${l.fence} lost`);
}

/** Items still pending at the end (cancel, stop) are marked so; fenced. */
export async function skipPendingItems(l: Lease, message: string): Promise<void> {
  await db().jobItem.updateMany({ where: { jobId: l.id, status: "pending", job: { is: { fence: l.fence } } }, data: { status: "skipped", message, finishedAt: new Date() } });
}

export async function countItems(jobId: number): Promise<Partial<Record<ItemStatus, number>>> {
  const groups = await db().jobItem.groupBy({ by: ["status"], where: { jobId }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

export async function listItems(jobId: number, f: { statuses?: ItemStatus[] }, page: { skip: number; take: number }): Promise<{ rows: JobItemRecord[]; total: number }> {
  const where = { jobId, ...(f.statuses ? { status: { in: f.statuses } } : {}) };
  const [rows, total] = await Promise.all([db().jobItem.findMany({ where, orderBy: { seq: "asc" }, ...page }), db().jobItem.count({ where })]);
  return { rows: rows.map((r) => ({ ...r, status: r.status as ItemStatus })), total };
}

async function assertHolds(l: Lease): Promise<void> {
  if ((await db().job.count({ where: { id: l.id, fence: l.fence } })) !== 1) throw new LeaseLost(`job ${l.id}: lease ${l.fence} lost`);
}

/** Deletes the ended jobs of a kind but `keepId` (kinds that repeat often and keep nothing worth a history). */
export async function deleteEndedJobs(homeserver: string, kind: string, keepId: number): Promise<number> {
  const ended: JobStatus[] = ["completed", "stopped", "cancelled", "failed"];
  return (await db().job.deleteMany({ where: { homeserver, kind, status: { in: ended }, id: { not: keepId } } })).count;
}

export async function jobsInStatus(statuses: JobStatus[]): Promise<JobRecord[]> {
  return (await db().job.findMany({ where: { status: { in: statuses } }, orderBy: { id: "asc" } })).map(toJob);
}
