// The credential an import job's worker uses, sealed in the job row only while the job is unfinished.
import "server-only";
import { seal, unseal } from "@/lib/crypto/seal";
import { assertImportFence, attachImportCredential, updateImportJob, updateImportJobFenced, type ImportJobRecord } from "@/lib/db/import-jobs";
import type { Lease } from "@/lib/db/leases";
import { logout } from "@/lib/synapse/auth";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { mintJobToken } from "@/lib/synapse/import-users";

export function sealCredential(jobId: number, token: string): string {
  return seal(token, "import-credential", `job:${jobId}`);
}

export function credentialOf(job: ImportJobRecord): SynapseCredentials | null {
  if (!job.credential) return null;
  try {
    return { baseUrl: job.homeserver, accessToken: unseal(job.credential, "import-credential", `job:${job.id}`) };
  } catch {
    return null;
  }
}

/**
 * The credential the worker keeps (sealed) while the job is unfinished: a device of its own when the
 * server allows it, so signing out does not stop the job; otherwise the admin's session token. Only a job
 * holding none gets one: of two requests racing (two Start clicks), the loser logs its new device out and
 * gets false, so no token is overwritten or left behind on Synapse.
 */
export async function attachCredential(jobId: number, creds: SynapseCredentials): Promise<boolean> {
  let token: string | null = null;
  try {
    token = await mintJobToken(creds, `Synapse Admin Portal import #${jobId}`);
  } catch (e) {
    console.warn(`[portal] import job ${jobId}: no job token, using the session's (${e instanceof Error ? e.message : e})`);
  }
  const attached = await attachImportCredential(jobId, sealCredential(jobId, token ?? creds.accessToken), token ? "job-device" : "session");
  if (!attached && token) await logout({ baseUrl: creds.baseUrl, accessToken: token }).catch(() => undefined);
  return attached;
}

/**
 * Logs the job's own device out (best effort) and forgets the credential. The worker passes its lease: an
 * owner that lost the job must not log out the device its new owner works with.
 */
export async function dropCredential(job: ImportJobRecord, lease?: Lease): Promise<void> {
  if (lease) await assertImportFence(lease);
  const creds = credentialOf(job);
  if (creds && job.credentialKind === "job-device") await logout(creds).catch(() => undefined);
  const erase = { credential: null, credentialKind: null };
  await (lease ? updateImportJobFenced(lease, erase) : updateImportJob(job.id, erase));
}
