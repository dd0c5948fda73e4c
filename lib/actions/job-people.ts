import "server-only";
import type { AdminContext } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { storePerson } from "@/lib/audit/person";

/** Notes on an import job which organisation person started or cancelled it (nothing without a gate). */
export async function noteJobPerson(admin: AdminContext, jobId: number, role: "startedBy" | "cancelledBy"): Promise<void> {
  if (admin.person) await forHomeserver(admin.homeserver).importJobs.notePeople(jobId, { [role]: storePerson(admin.person) });
}
