import "server-only";
import { db, dbProvider } from "./client";

/**
 * Leases on job records: which portal instance drives a job, until when, and a fencing counter that every
 * claim bumps. A claim is a conditional update (compare-and-set on the counter), so of two instances only
 * one wins; every write of a step names the counter it holds, so an owner that lost its lease (it stalled
 * past the expiry and another instance took over) writes nothing. The same code runs on SQLite and
 * PostgreSQL; PostgreSQL also skips rows another claimer has locked (FOR UPDATE SKIP LOCKED).
 */

/** The two tables the job runtime leases: the import's own record, and the one for every other kind. */
export type LeaseTable = "job" | "importJob";
export type Lease = { table: LeaseTable; id: number; fence: number; owner: string };
export type LeaseState = { fence: number; owner: string | null; status: string; cancelRequested: boolean };

const SQL_TABLE: Record<LeaseTable, string> = { job: `"Job"`, importJob: `"ImportJob"` };

// Prisma's delegates differ in type per model; the lease columns are the same on both.
type LeaseDelegate = {
  findMany(args: object): Promise<{ id: number; fence: number }[]>;
  findUnique(args: object): Promise<LeaseState | null>;
  updateMany(args: object): Promise<{ count: number }>;
};
function delegate(table: LeaseTable): LeaseDelegate {
  return (table === "job" ? db().job : db().importJob) as unknown as LeaseDelegate;
}

export type ClaimQuery = {
  table: LeaseTable;
  statuses: string[];
  /** Job kinds this instance can run (the job table only). */
  kinds?: string[];
  /** Ids this instance already runs. */
  skip: number[];
  owner: string;
  leaseMs: number;
};

/** Claims the oldest claimable job (active status, lease free or expired); null when there is none. */
export async function claimNext(q: ClaimQuery): Promise<Lease | null> {
  const now = new Date();
  const until = new Date(now.getTime() + q.leaseMs);
  if (dbProvider() === "postgresql") return claimNextLocked(q, now, until);
  const candidates = await delegate(q.table).findMany({
    where: claimableWhere(q, now),
    orderBy: { id: "asc" },
    take: 5,
    select: { id: true, fence: true },
  });
  for (const c of candidates) {
    if (await claimSeen(q.table, c.id, c.fence, q.owner, now, until)) return { table: q.table, id: c.id, fence: c.fence + 1, owner: q.owner };
  }
  return null;
}

function claimableWhere(q: ClaimQuery, now: Date) {
  return {
    status: { in: q.statuses },
    ...(q.kinds ? { kind: { in: q.kinds } } : {}),
    ...(q.skip.length ? { id: { notIn: q.skip } } : {}),
    OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
  };
}

/** The compare-and-set: the counter we saw is still there and the lease is still free or expired. */
async function claimSeen(table: LeaseTable, id: number, seen: number, owner: string, now: Date, until: Date): Promise<boolean> {
  const r = await delegate(table).updateMany({
    where: { id, fence: seen, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { owner, leaseUntil: until, fence: { increment: 1 } },
  });
  return r.count === 1;
}

async function claimNextLocked(q: ClaimQuery, now: Date, until: Date): Promise<Lease | null> {
  const t = SQL_TABLE[q.table];
  const params: unknown[] = [q.owner, until.toISOString(), now.toISOString(), q.statuses, q.skip];
  const kinds = q.kinds ? (params.push(q.kinds), `AND kind = ANY(CAST($6 AS text[]))`) : "";
  const rows = await db().$queryRawUnsafe<{ id: number; fence: number }[]>(
    `UPDATE ${t} SET owner = $1, "leaseUntil" = CAST($2 AS timestamp(3)), fence = fence + 1
     WHERE id = (SELECT id FROM ${t}
                 WHERE status = ANY(CAST($4 AS text[])) ${kinds} AND NOT (id = ANY(CAST($5 AS integer[])))
                   AND ("leaseUntil" IS NULL OR "leaseUntil" < CAST($3 AS timestamp(3)))
                 ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id, fence`,
    ...params,
  );
  return rows[0] ? { table: q.table, id: Number(rows[0].id), fence: Number(rows[0].fence), owner: q.owner } : null;
}

/** Extends the lease; false when it was lost (another instance claimed the job): stop at once. */
export async function renewLease(l: Lease, leaseMs: number): Promise<boolean> {
  const r = await delegate(l.table).updateMany({ where: { id: l.id, fence: l.fence }, data: { leaseUntil: new Date(Date.now() + leaseMs) } });
  return r.count === 1;
}

/** Gives the job back (shutdown, pause, end): another instance may claim it at once. */
export async function releaseLease(l: Lease): Promise<void> {
  await delegate(l.table).updateMany({ where: { id: l.id, fence: l.fence }, data: { owner: null, leaseUntil: null } });
}

/** What the owner polls: its counter still current, and whether an admin asked to cancel. */
export async function leaseState(table: LeaseTable, id: number): Promise<LeaseState | null> {
  return delegate(table).findUnique({ where: { id }, select: { fence: true, owner: true, status: true, cancelRequested: true } });
}

/** Jobs of the table an instance holds a live lease on (health and metrics). */
export async function leasedCount(table: LeaseTable): Promise<number> {
  const now = new Date();
  return table === "job"
    ? db().job.count({ where: { leaseUntil: { gte: now } } })
    : db().importJob.count({ where: { leaseUntil: { gte: now } } });
}
