// What an admin can do with an import job: upload it, start it, cancel, resume, run a dry run for real,
// re-run failures, and handle generated passwords. Called by the job page's actions (which authorize and
// audit) and the upload route (which authorizes; acceptUpload audits). Each is a status change in the
// database and a poke of the job runtime: whichever instance claims the job runs it (import-runner), and a
// cancel reaches the instance running it through the job's cancelRequested flag (its lease watch).
import "server-only";
import { msg } from "@/lib/i18n/message";
import { record, type AuditPerson } from "@/lib/audit/record";
import { serverNameOf } from "@/lib/matrix/mxid";
import { describeError, PortalRefusal } from "@/lib/synapse/describe-error";
import { getPasswordPolicy } from "@/lib/synapse/password-policy";
import { FollowUpExists, forHomeserver, type ImportJobRecord } from "@/lib/db/tenant";
import type { JobStatus } from "@/lib/schemas/import";
import { attachCredential, dropCredential } from "./import-credential";
import type { CredentialOwner } from "./job-credential";
import { ACTIVE_STATUSES, markCancelled, markCancelling, markQueued, markUploaded } from "./import-status";
import { receiveImportFile, type UploadRequest } from "./import-upload";
import { jobRuntime } from "./runtime";
import { storePerson } from "@/lib/audit/person";

export type JobActor = CredentialOwner & { homeserver: string; person?: AuditPerson | null };

/** An expected refusal, with the sentence the admin reads (describeError passes it through). */
export class ImportCommandError extends PortalRefusal {
  readonly name = "ImportCommandError";
}

export async function loadJobFor(jobId: number, who: { homeserver: string }): Promise<ImportJobRecord> {
  // Jobs of other homeservers (and uploads still being stored) do not exist for this admin.
  const job = await forHomeserver(who.homeserver).importJobs.get(jobId);
  if (!job) throw new ImportCommandError("NOT_FOUND", msg("import.commands.notFound"));
  return job;
}

export function isJobOwner(job: ImportJobRecord, who: { actor: string; homeserver: string }): boolean {
  return job.actor === who.actor && job.homeserver === who.homeserver;
}

async function queue(jobId: number, from: JobStatus[], who: JobActor): Promise<void> {
  if (!(await attachCredential(jobId, who))) throw new ImportCommandError("CONFLICT", msg("import.commands.changedMeanwhile"));
  const ok = await markQueued(jobId, from);
  if (!ok) {
    const job = await forHomeserver(who.homeserver).importJobs.get(jobId);
    if (job) await dropCredential(job);
    throw new ImportCommandError("CONFLICT", msg("import.commands.changedMeanwhile"));
  }
  jobRuntime().poke();
}

export type UploadFile = Pick<UploadRequest, "fileName" | "options" | "body" | "maxBytes" | "expectedBytes">;
export type UploadOutcome =
  | { ok: true; jobId: number; totalRows: number; invalidRows: number; started: boolean; startError?: string }
  | { ok: false; problem: string; message: string };

/**
 * Reads an uploaded file into a new job's rows (checked against the homeserver's password policy), and starts
 * it at once when no row is invalid; otherwise the job waits for review. The upload and the start are audited.
 */
export async function acceptUpload(who: JobActor, file: UploadFile): Promise<UploadOutcome> {
  const ctx = { actor: who.actor, homeserver: who.homeserver, person: who.person };
  const result = await receiveImportFile({
    ...file,
    actor: who.actor,
    homeserver: who.homeserver,
    serverName: serverNameOf(who.actor),
    // The runner checks again, so a homeserver that cannot answer now only defers the check.
    passwordPolicy: await getPasswordPolicy(who.homeserver).catch(() => undefined),
  });
  if (!result.ok) {
    await record(ctx, { action: "import.upload", target: file.fileName, params: { options: file.options } }, result.problem, result.message);
    return result;
  }
  const params = { importJob: result.jobId, rows: result.totalRows, invalidRows: result.invalidRows, options: file.options };
  await record(ctx, { action: "import.upload", target: file.fileName, params }, "ok");
  const outcome: UploadOutcome = { ok: true, jobId: result.jobId, totalRows: result.totalRows, invalidRows: result.invalidRows, started: false };
  if (result.invalidRows > 0) return outcome;
  const start = { action: file.options.dryRun ? "import.dry-run" : "import.start", target: file.fileName, params: { importJob: result.jobId } };
  try {
    await startImport(result.jobId, who);
    outcome.started = true;
    await record(ctx, start, "ok");
  } catch (e) {
    const ui = describeError(e);
    outcome.startError = ui.message;
    await record(ctx, start, ui.code, ui.message);
  }
  return outcome;
}

/** A validated upload with at least one valid row starts (as a dry run or for real, as chosen). */
export async function startImport(jobId: number, who: JobActor): Promise<void> {
  const job = await loadJobFor(jobId, who);
  if (job.status !== "review") throw new ImportCommandError("CONFLICT", msg("import.commands.alreadyStarted"));
  if (job.totalRows - job.invalidRows === 0) throw new ImportCommandError("NO_VALID_ROWS", msg("import.commands.noValidRows"));
  // Before it is queued: the worker's own audit entries name the person from its first row on.
  if (who.person) await forHomeserver(who.homeserver).importJobs.notePeople(jobId, { startedBy: storePerson(who.person) });
  await queue(jobId, ["review"], who);
}

/**
 * Stops a job after the rows in flight; a job that waits for review, or is paused with no row in flight,
 * ends at once. A queued or running job (on any instance) is flagged: its owner, or the instance that
 * claims it next, ends it.
 */
export async function cancelImport(jobId: number, who: JobActor): Promise<"cancelling" | "cancelled"> {
  const job = await loadJobFor(jobId, who);
  if (ACTIVE_STATUSES.includes(job.status)) {
    await markCancelling(jobId, ["queued", "running"]);
    jobRuntime().poke();
    return "cancelling";
  }
  if (!["review", "paused", "queued", "running", "cancelling"].includes(job.status)) {
    throw new ImportCommandError("CONFLICT", msg("import.commands.alreadyEnded"));
  }
  const rows = forHomeserver(who.homeserver).importRows;
  const rowsInFlight = (await rows.count(jobId))["in-flight"] ?? 0;
  if (rowsInFlight > 0 && job.status !== "review") {
    // Their outcome is unknown until Synapse is asked: let the worker settle them while it cancels (with the
    // credential the paused job still holds, if any).
    if (!job.credential) await attachCredential(jobId, who);
    await markCancelling(jobId, [job.status]);
    jobRuntime().poke();
    return "cancelling";
  }
  await rows.finishInStatus(jobId, ["pending"], "not-run");
  await dropCredential(job);
  await markCancelled(job);
  return "cancelled";
}

/** A paused job continues with the resuming admin's credential. */
export async function resumeImport(jobId: number, who: JobActor): Promise<void> {
  const job = await loadJobFor(jobId, who);
  if (job.status !== "paused") throw new ImportCommandError("CONFLICT", msg("import.commands.onlyPausedResume"));
  if (job.credential) await dropCredential(job);
  await queue(jobId, ["paused"], who);
}

/** A finished dry run becomes a real job over the same rows (ids from display names are chosen again). */
export async function runDryRunForReal(jobId: number, who: JobActor): Promise<number> {
  const source = await loadJobFor(jobId, who);
  if (!source.dryRun || source.status !== "completed") throw new ImportCommandError("CONFLICT", msg("import.commands.onlyCompletedDryRun"));
  if (source.passwordsPurgedAt) throw new ImportCommandError("CONFLICT", msg("import.commands.dryRunPurged"));
  return followUp(source, who, { dryRun: false, statuses: undefined, fileName: source.fileName });
}

/** A new job from the rows that failed (or were not reached) in a finished job. */
export async function rerunFailedRows(jobId: number, who: JobActor): Promise<number> {
  const source = await loadJobFor(jobId, who);
  if (!["completed", "stopped", "cancelled"].includes(source.status) || source.dryRun) {
    throw new ImportCommandError("CONFLICT", msg("import.commands.rerunNotEnded"));
  }
  const counts = await forHomeserver(who.homeserver).importRows.count(jobId);
  if (!(counts.failed ?? 0) && !(counts["not-run"] ?? 0)) throw new ImportCommandError("NOTHING_TO_RUN", msg("import.commands.nothingToRerun"));
  return followUp(source, who, { dryRun: false, statuses: ["failed", "not-run"], fileName: source.fileName });
}

async function followUp(source: ImportJobRecord, who: JobActor, o: { dryRun: boolean; statuses: ("failed" | "not-run")[] | undefined; fileName: string }): Promise<number> {
  const { importJobs: jobs, importRows: rows } = forHomeserver(source.homeserver);
  const existing = await jobs.followUpOf(source.id);
  if (existing) throw new ImportCommandError("CONFLICT", msg("import.commands.carriedOn", { id: String(existing) }));
  const id = await jobs
    .create({
      actor: who.actor,
      serverName: source.serverName,
      fileName: o.fileName,
      dryRun: o.dryRun,
      options: { ...source.options, dryRun: o.dryRun },
      status: "uploading",
      parentId: source.id,
      fileSha256: source.fileSha256,
      fileBytes: source.fileBytes,
      warnings: source.warnings,
    })
    .catch((e: unknown) => {
      // Two requests at once: the database lets only one follow-up exist.
      if (e instanceof FollowUpExists) throw new ImportCommandError("CONFLICT", msg("import.commands.beingCarriedOn"));
      throw e;
    });
  const copied = await rows.moveToJob(source.id, id, o.statuses, false);
  const invalid = o.statuses ? 0 : source.invalidRows;
  await markUploaded(id, { totalRows: copied + invalid, invalidRows: invalid });
  await queue(id, ["review"], who);
  return id;
}

/** Generated passwords (and file passwords kept for re-runs) are erased for good. Owner only. */
export async function purgeImportPasswords(jobId: number, who: JobActor): Promise<void> {
  const job = await loadJobFor(jobId, who);
  if (!isJobOwner(job, who)) throw new ImportCommandError("NOT_OWNER", msg("import.commands.notOwner", { actor: job.actor }));
  if (!["completed", "stopped", "cancelled"].includes(job.status)) throw new ImportCommandError("CONFLICT", msg("import.commands.purgeNotEnded"));
  // A dry run holds the file's passwords for its real run; purged, it can no longer be carried out.
  const tenant = forHomeserver(who.homeserver);
  await tenant.importRows.purgePasswords(jobId);
  await tenant.importJobs.update(jobId, { passwordsPurgedAt: new Date() });
}
