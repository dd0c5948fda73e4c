import "server-only";
import { db, isUniqueViolation } from "./client";
import { containsText } from "./dialect";
import type { ImportOptions, JobStatus } from "@/lib/schemas/import";
import { countRowsByJob, type RowCounts } from "./import-rows";
import { LeaseLost } from "./jobs";
import type { Lease } from "./leases";

// CSV import jobs (their rows are in import-rows.ts). Counts are always derived from the rows (group by
// status), so they can never drift from what was recorded, even across a crash. The by-id functions are for
// the worker, which holds the job; requests for an admin go through lib/db/tenant.ts.

export type ImportJobRecord = {
  id: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  actor: string;
  homeserver: string;
  serverName: string;
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  dryRun: boolean;
  options: ImportOptions;
  status: JobStatus;
  message: string | null;
  totalRows: number;
  invalidRows: number;
  warnings: string[];
  credential: string | null;
  credentialKind: string | null;
  cancelRequested: boolean;
  parentId: number | null;
  passwordsDownloadedAt: Date | null;
  passwordsPurgedAt: Date | null;
  durationMs: number | null;
  /** The organisation person who started it (JSON, gate on), for the worker's audit entries. */
  startedBy: string | null;
};

type JobRow = Awaited<ReturnType<ReturnType<typeof db>["importJob"]["findFirstOrThrow"]>>;

function toJob(r: JobRow): ImportJobRecord {
  return {
    ...r,
    options: JSON.parse(r.options) as ImportOptions,
    status: r.status as JobStatus,
    warnings: r.warnings ? (JSON.parse(r.warnings) as string[]) : [],
  };
}

/** A second follow-up of one job (two tabs pressing "Run for real" at once): the unique parentId refused it. */
export class FollowUpExists extends Error {
  readonly name = "FollowUpExists";
}

export async function createImportJob(j: {
  actor: string;
  homeserver: string;
  serverName: string;
  fileName: string;
  dryRun: boolean;
  options: ImportOptions;
  status: JobStatus;
  parentId?: number | null;
  fileSha256?: string;
  fileBytes?: number;
  totalRows?: number;
  invalidRows?: number;
  warnings?: string[];
}): Promise<number> {
  const row = await db().importJob.create({
    data: {
      actor: j.actor,
      homeserver: j.homeserver,
      serverName: j.serverName,
      fileName: j.fileName,
      fileSha256: j.fileSha256 ?? "",
      fileBytes: j.fileBytes ?? 0,
      dryRun: j.dryRun,
      options: JSON.stringify(j.options),
      status: j.status,
      parentId: j.parentId ?? null,
      totalRows: j.totalRows ?? 0,
      invalidRows: j.invalidRows ?? 0,
      warnings: j.warnings?.length ? JSON.stringify(j.warnings) : null,
    },
  }).catch((e: unknown) => {
    if (j.parentId != null && isUniqueViolation(e)) throw new FollowUpExists(`import job ${j.parentId} already has a follow-up`);
    throw e;
  });
  return row.id;
}

export type JobUpdate = Partial<{
  status: JobStatus;
  message: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
  totalRows: number;
  invalidRows: number;
  warnings: string[];
  fileSha256: string;
  fileBytes: number;
  credential: string | null;
  credentialKind: string | null;
  cancelRequested: boolean;
  options: ImportOptions;
  passwordsDownloadedAt: Date | null;
  passwordsPurgedAt: Date | null;
}>;

function data(u: JobUpdate) {
  const { warnings, options, ...rest } = u;
  return { ...rest, ...(warnings ? { warnings: JSON.stringify(warnings) } : {}), ...(options ? { options: JSON.stringify(options) } : {}) };
}

export async function updateImportJob(id: number, u: JobUpdate): Promise<void> {
  await db().importJob.update({ where: { id }, data: data(u) });
}

/** Changes a job's status only if it is still in one of `from` (two requests racing cannot both win). */
export async function transitionImportJob(id: number, from: JobStatus[], u: JobUpdate & { status: JobStatus }): Promise<boolean> {
  const r = await db().importJob.updateMany({ where: { id, status: { in: from } }, data: data(u) });
  return r.count === 1;
}

/** Throws LeaseLost when the job's counter moved on (another instance claimed it): its old owner must stop. */
export async function assertImportFence(l: Lease): Promise<void> {
  if ((await db().importJob.count({ where: { id: l.id, fence: l.fence } })) !== 1) throw new LeaseLost(`import job ${l.id}: lease ${l.fence} lost`);
}

/** A write by the worker holding the lease; LeaseLost when it holds it no more. */
export async function updateImportJobFenced(l: Lease, u: JobUpdate): Promise<void> {
  const r = await db().importJob.updateMany({ where: { id: l.id, fence: l.fence }, data: data(u) });
  if (r.count !== 1) throw new LeaseLost(`import job ${l.id}: lease ${l.fence} lost`);
}

/** The worker's status change: only from `from`, only while it holds the lease (else LeaseLost). */
export async function transitionImportJobFenced(l: Lease, from: JobStatus[], u: JobUpdate & { status: JobStatus }): Promise<boolean> {
  const r = await db().importJob.updateMany({ where: { id: l.id, fence: l.fence, status: { in: from } }, data: data(u) });
  if (r.count !== 1) await assertImportFence(l);
  return r.count === 1;
}

/** Seals the worker's credential into a job that holds none; false when another request got there first. */
export async function attachImportCredential(id: number, credential: string, credentialKind: string): Promise<boolean> {
  const r = await db().importJob.updateMany({ where: { id, credential: null }, data: { credential, credentialKind } });
  return r.count === 1;
}

export async function deleteImportJob(id: number): Promise<void> {
  await db().importJob.delete({ where: { id } }).catch(() => undefined);
}

/** Uploads a crash interrupted: still "uploading" after `olderThanMs` (another instance may be storing a new one now). */
export async function deleteStaleUploads(olderThanMs: number): Promise<number> {
  const r = await db().importJob.deleteMany({ where: { status: "uploading", createdAt: { lt: new Date(Date.now() - olderThanMs) } } });
  return r.count;
}

export async function getImportJob(id: number): Promise<ImportJobRecord | null> {
  const r = await db().importJob.findUnique({ where: { id } });
  return r ? toJob(r) : null;
}

/** The job made from this one (its real run, or its re-run of failures), if any. */
export async function followUpOf(id: number): Promise<number | null> {
  const r = await db().importJob.findFirst({ where: { parentId: id }, select: { id: true } });
  return r?.id ?? null;
}

/** The job if it belongs to this homeserver; an upload still being stored is not a job yet. */
export async function findImportJob(homeserver: string, id: number): Promise<ImportJobRecord | null> {
  const r = await db().importJob.findFirst({ where: { id, homeserver, status: { not: "uploading" } } });
  return r ? toJob(r) : null;
}

/** Whether the job (in any status, uploads included) belongs to this homeserver. */
export async function isImportJobOf(homeserver: string, id: number): Promise<boolean> {
  return (await db().importJob.count({ where: { id, homeserver } })) === 1;
}

export async function importJobsInStatus(statuses: JobStatus[]): Promise<ImportJobRecord[]> {
  const rows = await db().importJob.findMany({ where: { status: { in: statuses } }, orderBy: { id: "asc" } });
  return rows.map(toJob);
}

export type ImportJobFilter = { homeserver: string; status?: JobStatus; actor?: string };

export async function listImportJobs(
  f: ImportJobFilter,
  page: { skip: number; take: number },
): Promise<{ rows: (ImportJobRecord & { counts: RowCounts })[]; total: number }> {
  const where = {
    homeserver: f.homeserver,
    ...(f.status ? { status: f.status } : {}),
    ...(f.actor ? { actor: containsText(f.actor) } : {}),
  };
  const [rows, total] = await Promise.all([
    db().importJob.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page }),
    db().importJob.count({ where }),
  ]);
  const counts = await countRowsByJob(rows.map((r) => r.id));
  return { rows: rows.map((r) => ({ ...toJob(r), counts: counts.get(r.id) ?? {} })), total };
}

