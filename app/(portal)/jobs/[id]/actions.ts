"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/admin-action";
import type { AdminContext } from "@/lib/auth/require-admin";
import { noteJobPerson } from "@/lib/actions/job-people";
import { jobIdSchema } from "@/lib/schemas/import";
import { cancelImport, purgeImportPasswords, rerunFailedRows, resumeImport, runDryRunForReal, startImport } from "@/lib/jobs/import-commands";

const target = (i: { jobId: number }) => `import #${i.jobId}`;

/** An operator's command on one import job, audited with the job as its target. */
function importCommand<T>(action: string, run: (jobId: number, admin: AdminContext) => Promise<T>, params: (i: { jobId: number }) => Record<string, unknown> = (i) => i) {
  return adminAction({ role: "operator", schema: jobIdSchema, audit: (i) => ({ action, target: target(i), params: params(i) }) }, ({ jobId }, admin) => run(jobId, admin));
}

/** A new job made from another: its starter noted, the jobs list refreshed, its id returned. */
async function startedJob(admin: AdminContext, id: number) {
  await noteJobPerson(admin, id, "startedBy");
  revalidatePath("/jobs");
  return { jobId: id };
}

// Runs a reviewed upload with its valid rows only.
export async function startImportAction(raw: unknown) {
  return importCommand("import.start", async (jobId, admin) => {
    await startImport(jobId, admin);
    await noteJobPerson(admin, jobId, "startedBy");
    revalidatePath(`/jobs/${jobId}`);
  })(raw);
}

// Stops a job after the rows in flight (or discards one waiting for review).
export async function cancelImportAction(raw: unknown) {
  return importCommand("import.cancel", async (jobId, admin) => {
    const state = await cancelImport(jobId, admin);
    await noteJobPerson(admin, jobId, "cancelledBy");
    revalidatePath(`/jobs/${jobId}`);
    return state;
  })(raw);
}

// Continues a paused job with the resuming admin's credential.
export async function resumeImportAction(raw: unknown) {
  return importCommand("import.resume", async (jobId, admin) => {
    await resumeImport(jobId, admin);
    revalidatePath(`/jobs/${jobId}`);
  })(raw);
}

// Carries out a finished dry run as a new job.
export async function runForRealAction(raw: unknown) {
  return importCommand("import.start", async (jobId, admin) => startedJob(admin, await runDryRunForReal(jobId, admin)), (i) => ({ fromDryRun: i.jobId }))(raw);
}

// A new job from the failed and not-run rows of a finished one.
export async function rerunFailedRowsAction(raw: unknown) {
  return importCommand("import.rerun-failed", async (jobId, admin) => startedJob(admin, await rerunFailedRows(jobId, admin)))(raw);
}

// Erases the job's generated passwords for good (owner only).
export async function purgePasswordsAction(raw: unknown) {
  return importCommand("import.passwords-purge", async (jobId, admin) => {
    await purgeImportPasswords(jobId, admin);
    revalidatePath(`/jobs/${jobId}`);
  })(raw);
}
