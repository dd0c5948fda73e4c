import "server-only";
import { db } from "./client";

export async function pingDatabase(): Promise<void> {
  await db().$queryRawUnsafe("SELECT 1");
}

/** Names of the migrations applied successfully (Prisma's own table), or throws when the database is unreachable. */
export async function appliedMigrationNames(): Promise<string[]> {
  const rows = await db().$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
  );
  return rows.map((r) => r.migration_name);
}

/**
 * Job records counted by kind and status, for metrics read at scrape time (so instances never double-count):
 * both tables the job runtime drives (ImportJob, and Job for every other kind).
 * Uploads still being stored are not jobs yet.
 */
export async function countJobsByKindAndStatus(): Promise<{ kind: string; status: string; count: number }[]> {
  // Purge-history rows are the history of runtime jobs (and of work done inside a request), not jobs.
  const [imports, jobs] = await Promise.all([
    db().importJob.groupBy({ by: ["dryRun", "status"], where: { status: { not: "uploading" } }, _count: { _all: true } }),
    db().job.groupBy({ by: ["kind", "status"], _count: { _all: true } }),
  ]);
  return [
    ...imports.map((g) => ({ kind: g.dryRun ? "import.dry-run" : "import", status: g.status, count: g._count._all })),
    ...jobs.map((g) => ({ kind: g.kind, status: g.status, count: g._count._all })),
  ];
}

/** Jobs whose lease is live now, per table: how many are being driven by some instance. */
export async function countLeasedJobs(): Promise<{ table: string; count: number }[]> {
  const now = new Date();
  const [imports, jobs] = await Promise.all([db().importJob.count({ where: { leaseUntil: { gte: now } } }), db().job.count({ where: { leaseUntil: { gte: now } } })]);
  return [
    { table: "importJob", count: imports },
    { table: "job", count: jobs },
  ];
}

/** Rows of unfinished imports by status (how much work is waiting or in flight). */
export async function countOpenImportRowsByStatus(): Promise<{ status: string; count: number }[]> {
  const groups = await db().importRow.groupBy({
    by: ["status"],
    where: { job: { is: { status: { in: ["queued", "running", "cancelling", "paused"] } } } },
    _count: { _all: true },
  });
  return groups.map((g) => ({ status: g.status, count: g._count._all }));
}
