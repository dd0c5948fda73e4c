// Every status change of an import job, in one place. Each is a conditional transition in the database
// (db.transitionImportJob): a change from a status the job has already left does nothing, so two requests
// or workers racing cannot both win. import-commands (admin requests) and import-runner (the worker) call these;
// the worker's changes are fenced by its lease (LeaseLost once another instance has taken the job over).
import "server-only";
import { msg } from "@/lib/i18n/message";
import { record } from "@/lib/audit/record";
import { transitionImportJob, transitionImportJobFenced, updateImportJob, type ImportJobRecord, type JobUpdate } from "@/lib/db/import-jobs";
import type { Lease } from "@/lib/db/leases";
import type { JobStatus } from "@/lib/schemas/import";
import { dropCredential } from "./import-credential";
import { importAuditContext } from "@/lib/audit/person";

/** Statuses in which a worker runs (or is about to). */
export const ACTIVE_STATUSES: JobStatus[] = ["queued", "running", "cancelling"];

/** An upload that read to the end waits for review (or is started at once by import-commands). */
export async function markUploaded(jobId: number, figures: Pick<JobUpdate, "totalRows" | "invalidRows" | "warnings" | "fileBytes" | "fileSha256">): Promise<boolean> {
  return transitionImportJob(jobId, ["uploading"], { status: "review", ...figures });
}

export async function markQueued(jobId: number, from: JobStatus[]): Promise<boolean> {
  return transitionImportJob(jobId, from, { status: "queued", message: null, cancelRequested: false });
}

/** The flag is written first, so a worker in another process sees the cancel too. */
export async function markCancelling(jobId: number, from: JobStatus[]): Promise<void> {
  await updateImportJob(jobId, { cancelRequested: true });
  await transitionImportJob(jobId, from, { status: "cancelling" });
}

/** A job with no worker (waiting for review, or paused) ends at once. */
export async function markCancelled(job: ImportJobRecord): Promise<void> {
  const finishedAt = new Date();
  await transitionImportJob(job.id, [job.status], {
    status: "cancelled",
    finishedAt,
    durationMs: job.startedAt ? finishedAt.getTime() - job.startedAt.getTime() : 0,
    message: msg(job.status === "review" ? "import.jobMessages.discarded" : "import.jobMessages.cancelled"),
    cancelRequested: false,
  });
}

/** The worker took the job: "running", or it carries on cancelling. */
export async function markRunning(lease: Lease, job: ImportJobRecord): Promise<void> {
  await transitionImportJobFenced(lease, ACTIVE_STATUSES, {
    status: job.status === "cancelling" ? "cancelling" : "running",
    startedAt: job.startedAt ?? new Date(),
    message: null,
  });
}

/** The worker ended the job: completed, stopped (conflict mode "stop") or cancelled. */
export async function markEnded(lease: Lease, job: ImportJobRecord, status: "completed" | "stopped" | "cancelled", message: string | null): Promise<void> {
  const finishedAt = new Date();
  await transitionImportJobFenced(lease, ACTIVE_STATUSES, {
    status,
    finishedAt,
    durationMs: finishedAt.getTime() - (job.startedAt ?? job.createdAt).getTime(),
    message,
    cancelRequested: false,
  });
}

/** Paused until an admin presses Resume; a credential that no longer works is forgotten. Audited. */
export async function markPaused(lease: Lease, job: ImportJobRecord, message: string, eraseCredential: boolean): Promise<void> {
  if (eraseCredential) await dropCredential(job, lease);
  await transitionImportJobFenced(lease, ACTIVE_STATUSES, { status: "paused", message });
  await record(importAuditContext(job), { action: "import.pause", target: job.fileName, params: { importJob: job.id } }, "paused", message);
}

/** The worker crashed (logged): paused, so an admin can resume it. */
export async function markCrashed(lease: Lease): Promise<void> {
  await transitionImportJobFenced(lease, ACTIVE_STATUSES, { status: "paused", message: msg("import.jobMessages.crashed") });
}
