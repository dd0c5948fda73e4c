import "server-only";
import { db } from "./client";
import { bulkQuery, bulkTransaction } from "./bulk-sql";
import { containsText, sqlDialect } from "./dialect";
import type { RowStatus } from "@/lib/schemas/import";

// The rows of CSV import jobs. Workers (lib/jobs/import-runner) call these with the ids of a job they already
// hold; requests made for an admin reach them only through lib/db/tenant.ts, which checks the job's homeserver.

export type ImportRowRecord = {
  id: number;
  jobId: number;
  line: number;
  userId: string | null;
  input: string;
  status: RowStatus;
  changes: string | null;
  errors: string | null;
  reason: string | null;
  csvPassword: string | null;
  generatedPassword: string | null;
  attempt: string | null;
  finishedAt: Date | null;
};

export type NewImportRow = Pick<ImportRowRecord, "line" | "userId" | "input" | "status" | "errors" | "reason" | "csvPassword">;

export type RowCounts = Partial<Record<RowStatus, number>>;

// Rows per statement: keeps each packed JSON parameter well below V8's large-object size, so it dies young.
export const ROWS_PER_STATEMENT = 200;

/**
 * Inserts a batch of rows in one transaction of statements that each unpack a single JSON parameter
 * (json_each in SQLite, jsonb_array_elements in PostgreSQL; see dialect.ts), sent to the driver directly
 * (bulk-sql.ts): big files are written many times faster, and with far less garbage, than through createMany.
 */
export async function insertImportRows(jobId: number, rows: NewImportRow[]): Promise<void> {
  if (rows.length === 0) return;
  // One commit per batch (each costs a disk sync), but each statement sent on its own, so no request
  // to the database carries the whole batch.
  const d = sqlDialect();
  const cells = [1, 2, 3, 4, 5, 6].map((i) => d.field("j", i)).join(", ");
  const sql = `INSERT INTO "ImportRow" ("jobId", "line", "userId", "input", "status", "errors", "reason", "csvPassword")
     SELECT ${d.param(1, "integer")}, ${d.field("j", 0, "integer")}, ${cells} FROM ${d.jsonRows(2, "j")}`;
  await bulkTransaction(async (exec) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const packed = JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT).map((r) => [r.line, r.userId, r.input, r.status, r.errors, r.reason, r.csvPassword]));
      await exec(sql, jobId, packed);
    }
  });
}

export async function countRowsByJob(jobIds: number[]): Promise<Map<number, RowCounts>> {
  const out = new Map<number, RowCounts>();
  if (jobIds.length === 0) return out;
  const groups = await db().importRow.groupBy({ by: ["jobId", "status"], where: { jobId: { in: jobIds } }, _count: { _all: true } });
  for (const g of groups) {
    const c = out.get(g.jobId) ?? {};
    c[g.status as RowStatus] = g._count._all;
    out.set(g.jobId, c);
  }
  return out;
}

export async function countImportRows(jobId: number): Promise<RowCounts> {
  return (await countRowsByJob([jobId])).get(jobId) ?? {};
}

/** Rows of the job finished since `since` (the progress bar's rate, the same on every instance). */
export async function countRowsFinishedSince(jobId: number, since: Date): Promise<number> {
  return db().importRow.count({ where: { jobId, finishedAt: { gte: since } } });
}

export type ImportRowFilter = { status?: RowStatus; q?: string };

export async function listImportRows(
  jobId: number,
  f: ImportRowFilter,
  page: { skip: number; take: number },
): Promise<{ rows: ImportRowRecord[]; total: number }> {
  const where = {
    jobId,
    ...(f.status ? { status: f.status } : {}),
    ...(f.q ? { OR: [{ userId: containsText(f.q) }, { input: containsText(f.q) }, { reason: containsText(f.q) }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db().importRow.findMany({ where, orderBy: { line: "asc" }, ...page }),
    db().importRow.count({ where }),
  ]);
  return { rows: rows as ImportRowRecord[], total };
}

/** Rows in file order after `afterLine`, a page at a time (the runner never loads a whole file). */
export async function rowsAfterLine(jobId: number, statuses: RowStatus[], afterLine: number, take: number): Promise<ImportRowRecord[]> {
  return (await db().importRow.findMany({
    where: { jobId, status: { in: statuses }, line: { gt: afterLine } },
    orderBy: { line: "asc" },
    take,
  })) as ImportRowRecord[];
}

/**
 * Pending rows in file order with just what a decision needs, read through the driver (bulk-sql.ts): a dry
 * run of a big file reads every row, and the client's mapping of 2000 full rows a page was most of its garbage.
 */
export async function pendingRowsToDecide(jobId: number, afterLine: number, take: number): Promise<{ id: number; line: number; userId: string | null; input: string }[]> {
  const d = sqlDialect();
  const rows = await bulkQuery(
    `SELECT "id", "line", "userId", "input" FROM "ImportRow" WHERE "jobId" = ${d.param(1, "integer")} AND "status" = 'pending' AND "line" > ${d.param(2, "integer")} ORDER BY "line" LIMIT ${d.param(3, "integer")}`,
    jobId,
    afterLine,
    take,
  );
  return rows.map(([id, line, userId, input]) => ({ id: Number(id), line: Number(line), userId: userId as string | null, input: input as string }));
}

/** Just the keys of rows in file order: enough to know which users a file names (read through the driver, as above). */
export async function rowKeysAfterLine(jobId: number, statuses: RowStatus[], afterLine: number, take: number): Promise<{ id: number; line: number; userId: string | null }[]> {
  const d = sqlDialect();
  const among = statuses.map((_, i) => d.param(2 + i)).join(", ");
  const n = 2 + statuses.length;
  const rows = await bulkQuery(
    `SELECT "id", "line", "userId" FROM "ImportRow" WHERE "jobId" = ${d.param(1, "integer")} AND "status" IN (${among}) AND "line" > ${d.param(n, "integer")} ORDER BY "line" LIMIT ${d.param(n + 1, "integer")}`,
    jobId,
    ...statuses,
    afterLine,
    take,
  );
  return rows.map(([id, line, userId]) => ({ id: Number(id), line: Number(line), userId: userId as string | null }));
}

export async function rowsById(ids: number[]): Promise<ImportRowRecord[]> {
  const out: ImportRowRecord[] = [];
  for (let i = 0; i < ids.length; i += 900) {
    out.push(...((await db().importRow.findMany({ where: { id: { in: ids.slice(i, i + 900) } }, orderBy: { line: "asc" } })) as ImportRowRecord[]));
  }
  return out;
}

/** All rows of a job a page at a time by id, for the report and for copies. */
export async function rowsAfterId(jobId: number, afterId: number, take: number, statuses?: RowStatus[]): Promise<ImportRowRecord[]> {
  return (await db().importRow.findMany({
    where: { jobId, id: { gt: afterId }, ...(statuses ? { status: { in: statuses } } : {}) },
    orderBy: { id: "asc" },
    take,
  })) as ImportRowRecord[];
}

export async function rowsInStatus(jobId: number, status: RowStatus): Promise<ImportRowRecord[]> {
  return (await db().importRow.findMany({ where: { jobId, status }, orderBy: { line: "asc" } })) as ImportRowRecord[];
}

/** Rows marked in flight or finished by the job's worker: lib/db/import-row-writes.ts (fenced by the lease). */
export async function finishRowsInStatus(jobId: number, from: RowStatus[], to: RowStatus): Promise<void> {
  await db().importRow.updateMany({ where: { jobId, status: { in: from } }, data: { status: to, attempt: null } });
}

/**
 * Copies rows into another job: invalid rows stay invalid (so its report covers the whole file), the others
 * become pending and take their sealed file passwords along (the source keeps none). Generated ids are
 * dropped unless `keepUserIds`, so they are chosen again against the server as it is then.
 */
export async function moveRowsToJob(fromJobId: number, toJobId: number, statuses: RowStatus[] | undefined, keepUserIds: boolean): Promise<number> {
  let afterId = 0;
  let copied = 0;
  for (;;) {
    const batch = await rowsAfterId(fromJobId, afterId, 1000, statuses);
    if (batch.length === 0) break;
    afterId = batch[batch.length - 1].id;
    await db().$transaction([
      db().importRow.createMany({
        data: batch.map((r) =>
          r.status === "invalid"
            ? { jobId: toJobId, line: r.line, userId: r.userId, input: r.input, status: "invalid", errors: r.errors, reason: r.reason }
            : {
                jobId: toJobId,
                line: r.line,
                userId: keepUserIds || !isGenerated(r.input) ? r.userId : null,
                input: r.input,
                status: "pending",
                csvPassword: r.csvPassword,
              },
        ),
      }),
      db().importRow.updateMany({ where: { id: { in: batch.map((r) => r.id) } }, data: { csvPassword: null } }),
    ]);
    copied += batch.filter((r) => r.status !== "invalid").length;
  }
  return copied;
}

function isGenerated(input: string): boolean {
  return (JSON.parse(input) as { localpart?: string }).localpart === undefined;
}

/** Erases every password the job still holds (generated ones and the file's). */
export async function purgeRowPasswords(jobId: number): Promise<void> {
  await db().importRow.updateMany({
    where: { jobId, OR: [{ generatedPassword: { not: null } }, { csvPassword: { not: null } }] },
    data: { generatedPassword: null, csvPassword: null },
  });
}

/** The file's passwords a job still holds (sealed): for rows not yet run, failed ones, or a dry run's real run. */
export async function countFilePasswords(jobId: number): Promise<number> {
  return db().importRow.count({ where: { jobId, csvPassword: { not: null } } });
}

export async function countGeneratedPasswords(jobId: number): Promise<number> {
  return db().importRow.count({ where: { jobId, generatedPassword: { not: null } } });
}
