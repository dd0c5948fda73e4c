"use server";
import { z } from "zod";
import { adminAction } from "@/lib/actions/admin-action";
import { cancelJob, resumeJob } from "@/lib/jobs/jobs";

const jobId = z.object({ jobId: z.coerce.number().int().positive() });
const target = (i: { jobId: number }) => `job #${i.jobId}`;

// Stops a job of the runtime after the items in flight (any instance's job: the flag is in the database).
export async function cancelJobAction(raw: unknown) {
  return adminAction({ schema: jobId, audit: (i) => ({ action: "job.cancel", target: target(i), params: i }) }, ({ jobId }, admin) =>
    cancelJob(admin.homeserver, jobId, admin.actor),
  )(raw);
}

// Continues a paused job with the resuming admin's session.
export async function resumeJobAction(raw: unknown) {
  return adminAction({ schema: jobId, audit: (i) => ({ action: "job.resume", target: target(i), params: i }) }, ({ jobId }, admin) => resumeJob(admin, jobId))(raw);
}
