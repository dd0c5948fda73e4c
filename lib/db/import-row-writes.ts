import "server-only";
import { bulkStatements } from "./bulk-sql";
import { db } from "./client";
import { sqlDialect } from "./dialect";
import { assertImportFence } from "./import-jobs";
import { ROWS_PER_STATEMENT } from "./import-rows";
import type { Lease } from "./leases";
import type { RowStatus } from "@/lib/schemas/import";

// Every write the import's worker makes to rows, fenced by the job's lease: a statement only matches rows of
// the leased job while its counter is still the one claimed. A write that matches nothing because the
// counter moved on (another instance took the job over) throws LeaseLost, and the run ends writing nothing more.

export type RowOutcome = {
  status: RowStatus;
  reason?: string | null;
  changes?: string | null;
  /** the file's password is erased once a row no longer needs it (kept for failures, which may be re-run) */
  eraseCsvPassword?: boolean;
  generatedPassword?: string | null;
  userId?: string;
};

/** Prisma's filter for "a row of the leased job, while the lease holds". */
function fenced(l: Lease) {
  return { jobId: l.id, job: { is: { id: l.id, fence: l.fence } } };
}

/**
 * SQL condition for the same (ids are integers from the lease, so they are written into the statement).
 * The unary plus keeps SQLite from looking rows up through the (jobId, …) indexes, which would scan every
 * row of the job for each row updated; the rows are found by their primary key, and then checked.
 */
function fencedSql(l: Lease): string {
  const id = Math.trunc(l.id);
  return `+"ImportRow"."jobId" = ${id} AND EXISTS (SELECT 1 FROM "ImportJob" AS f WHERE f."id" = ${id} AND f."fence" = ${Math.trunc(l.fence)})`;
}

/** A write that changed fewer rows than expected: fine if the lease holds (the rows were elsewhere), else LeaseLost. */
async function checkCount(l: Lease, changed: number, expected: number): Promise<void> {
  if (changed < expected) await assertImportFence(l);
}

async function updateOne(l: Lease, id: number, data: object): Promise<void> {
  const r = await db().importRow.updateMany({ where: { id, ...fenced(l) }, data });
  if (r.count !== 1) {
    await assertImportFence(l);
    throw new Error(`import job ${l.id}: row ${id} is not one of its rows`);
  }
}

export async function setRowUserIds(l: Lease, updates: { id: number; userId: string }[]): Promise<void> {
  if (updates.length === 0) return;
  const counts = await db().$transaction(updates.map((u) => db().importRow.updateMany({ where: { id: u.id, ...fenced(l) }, data: { userId: u.userId } })));
  await checkCount(l, counts.reduce((n, c) => n + c.count, 0), updates.length);
}

/** Recorded before the call to Synapse, so a crash leaves a row that says what might have happened. */
export async function markRowInFlight(l: Lease, id: number, attempt: "create" | "update", data: { generatedPassword?: string | null; changes?: string | null }): Promise<void> {
  await updateOne(l, id, {
    status: "in-flight",
    attempt,
    ...(data.generatedPassword !== undefined ? { generatedPassword: data.generatedPassword } : {}),
    ...(data.changes !== undefined ? { changes: data.changes } : {}),
  });
}

export async function finishRow(l: Lease, id: number, o: RowOutcome): Promise<void> {
  await updateOne(l, id, {
    status: o.status,
    reason: o.reason ?? null,
    attempt: null,
    finishedAt: new Date(),
    ...(o.changes !== undefined ? { changes: o.changes } : {}),
    ...(o.eraseCsvPassword ? { csvPassword: null } : {}),
    ...(o.generatedPassword !== undefined ? { generatedPassword: o.generatedPassword } : {}),
    ...(o.userId ? { userId: o.userId } : {}),
  });
}

/** Many rows with their own outcomes and changes, in one transaction of JSON-unpacking statements (as for inserts, bulk-sql.ts). */
export async function finishRowsEach(l: Lease, outcomes: { id: number; outcome: RowOutcome }[]): Promise<void> {
  if (outcomes.length === 0) return;
  const d = sqlDialect();
  const now = d.timestamp(new Date());
  const statements = [];
  for (let i = 0; i < outcomes.length; i += ROWS_PER_STATEMENT) {
    const packed = JSON.stringify(outcomes.slice(i, i + ROWS_PER_STATEMENT).map(({ id, outcome: o }) => [id, o.status, o.reason ?? null, o.changes ?? null]));
    statements.push({
      sql: `UPDATE "ImportRow" SET "status" = ${d.field("j", 1)}, "reason" = ${d.field("j", 2)}, "changes" = ${d.field("j", 3)}, "attempt" = NULL, "finishedAt" = ${d.param(1, "timestamp(3)")}
         FROM ${d.jsonRows(2, "j")} WHERE "ImportRow"."id" = ${d.field("j", 0, "integer")} AND ${fencedSql(l)}`,
      args: [now, packed],
    });
  }
  const counts = await bulkStatements(statements);
  await checkCount(l, counts.reduce((n, c) => n + c, 0), outcomes.length);
}

/** Many rows with the same outcome, a few statements in one transaction (skips, dry runs of big files). */
export async function finishRows(l: Lease, ids: number[], o: Pick<RowOutcome, "status" | "reason" | "eraseCsvPassword">): Promise<void> {
  if (ids.length === 0) return;
  const statements = [];
  const d = sqlDialect();
  const now = d.timestamp(new Date());
  for (let i = 0; i < ids.length; i += 900) {
    // Row ids are integers from the database, so they can be written into the statement.
    const list = ids.slice(i, i + 900).map((id) => Math.trunc(id)).join(",");
    statements.push({
      sql: `UPDATE "ImportRow" SET "status" = ${d.param(1)}, "reason" = ${d.param(2)}, "attempt" = NULL, "finishedAt" = ${d.param(3, "timestamp(3)")}${o.eraseCsvPassword ? ', "csvPassword" = NULL' : ""} WHERE "id" IN (${list}) AND ${fencedSql(l)}`,
      args: [o.status, o.reason ?? null, now],
    });
  }
  const counts = await bulkStatements(statements);
  await checkCount(l, counts.reduce((n, c) => n + c, 0), ids.length);
}

/** Every row of the job in one of `from` gets status `to` (e.g. pending rows "not-run" at the end). */
export async function finishRowsInStatusFenced(l: Lease, from: RowStatus[], to: RowStatus): Promise<void> {
  const r = await db().importRow.updateMany({ where: { ...fenced(l), status: { in: from } }, data: { status: to, attempt: null } });
  if (r.count === 0) await assertImportFence(l);
}

export async function resetRowsToPending(l: Lease, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const r = await db().importRow.updateMany({ where: { id: { in: ids }, ...fenced(l) }, data: { status: "pending", attempt: null } });
  await checkCount(l, r.count, ids.length);
}
