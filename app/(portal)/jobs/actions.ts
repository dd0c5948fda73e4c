"use server";
import { z } from "zod";
import { adminAction } from "@/lib/actions/admin-action";
import { cancelJob, resumeJob, resumeNeedsOwner } from "@/lib/jobs/jobs";
import { can } from "@/lib/roles";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { msg } from "@/lib/i18n/message";

const jobId = z.object({ jobId: z.coerce.number().int().positive() });
const target = (i: { jobId: number }) => `job #${i.jobId}`;

// Stops a job of the runtime after the items in flight (any instance's job: the flag is in the database).
export async function cancelJobAction(raw: unknown) {
  return adminAction({ role: "operator", schema: jobId, audit: (i) => ({ action: "job.cancel", target: target(i), params: i }) }, ({ jobId }, admin) =>
    cancelJob(admin.homeserver, jobId, admin),
  )(raw);
}

// Continues a paused job with the resuming admin's session; one that deletes or purges needs an owner.
export async function resumeJobAction(raw: unknown) {
  return adminAction({ role: "operator", schema: jobId, audit: (i) => ({ action: "job.resume", target: target(i), params: i }) }, async ({ jobId }, admin) => {
    if (!can(admin.role, "owner") && (await resumeNeedsOwner(admin.homeserver, jobId))) throw new PortalRefusal("FORBIDDEN", msg("jobs.errors.resumeNeedsOwner"));
    return resumeJob(admin, jobId);
  })(raw);
}
