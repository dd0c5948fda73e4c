"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/admin-action";
import { noteJobPerson } from "@/lib/actions/job-people";
import { jobIdSchema } from "@/lib/schemas/import";
import { cancelImport, purgeImportPasswords, rerunFailedRows, resumeImport, runDryRunForReal, startImport } from "@/lib/jobs/import-commands";

const target = (i: { jobId: number }) => `import #${i.jobId}`;

// Runs a reviewed upload with its valid rows only.
export async function startImportAction(raw: unknown) {
  return adminAction({ role: "operator", schema: jobIdSchema, audit: (i) => ({ action: "import.start", target: target(i), params: i }) }, async ({ jobId }, admin) => {
    await startImport(jobId, admin);
    await noteJobPerson(admin, jobId, "startedBy");
    revalidatePath(`/jobs/${jobId}`);
  })(raw);
}

// Stops a job after the rows in flight (or discards one waiting for review).
export async function cancelImportAction(raw: unknown) {
  return adminAction({ role: "operator", schema: jobIdSchema, audit: (i) => ({ action: "import.cancel", target: target(i), params: i }) }, async ({ jobId }, admin) => {
    const state = await cancelImport(jobId, admin);
    await noteJobPerson(admin, jobId, "cancelledBy");
    revalidatePath(`/jobs/${jobId}`);
    return state;
  })(raw);
}

// Continues a paused job with the resuming admin's credential.
export async function resumeImportAction(raw: unknown) {
  return adminAction({ role: "operator", schema: jobIdSchema, audit: (i) => ({ action: "import.resume", target: target(i), params: i }) }, async ({ jobId }, admin) => {
    await resumeImport(jobId, admin);
    revalidatePath(`/jobs/${jobId}`);
  })(raw);
}

// Carries out a finished dry run as a new job.
export async function runForRealAction(raw: unknown) {
  return adminAction({ role: "operator", schema: jobIdSchema, audit: (i) => ({ action: "import.start", target: target(i), params: { fromDryRun: i.jobId } }) }, async ({ jobId }, admin) => {
    const id = await runDryRunForReal(jobId, admin);
    await noteJobPerson(admin, id, "startedBy");
    revalidatePath("/jobs");
    return { jobId: id };
  })(raw);
}

// A new job from the failed and not-run rows of a finished one.
export async function rerunFailedRowsAction(raw: unknown) {
  return adminAction({ role: "operator", schema: jobIdSchema, audit: (i) => ({ action: "import.rerun-failed", target: target(i), params: i }) }, async ({ jobId }, admin) => {
    const id = await rerunFailedRows(jobId, admin);
    await noteJobPerson(admin, id, "startedBy");
    revalidatePath("/jobs");
    return { jobId: id };
  })(raw);
}

// Erases the job's generated passwords for good (owner only).
export async function purgePasswordsAction(raw: unknown) {
  return adminAction({ role: "operator", schema: jobIdSchema, audit: (i) => ({ action: "import.passwords-purge", target: target(i), params: i }) }, async ({ jobId }, admin) => {
    await purgeImportPasswords(jobId, admin);
    revalidatePath(`/jobs/${jobId}`);
  })(raw);
}
