// The credential an import job's worker uses, sealed in the job row only while the job is unfinished.
import "server-only";
import { seal, unseal } from "@/lib/crypto/seal";
import { updateImportJob, type ImportJobRecord } from "@/lib/db/import-jobs";
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
 * server allows it, so signing out does not stop the job; otherwise the admin's session token.
 */
export async function attachCredential(jobId: number, creds: SynapseCredentials): Promise<void> {
  let token: string | null = null;
  try {
    token = await mintJobToken(creds, `Synapse Admin Portal import #${jobId}`);
  } catch (e) {
    console.warn(`[portal] import job ${jobId}: no job token, using the session's (${e instanceof Error ? e.message : e})`);
  }
  await updateImportJob(jobId, {
    credential: sealCredential(jobId, token ?? creds.accessToken),
    credentialKind: token ? "job-device" : "session",
  });
}

/** Logs the job's own device out (best effort) and forgets the credential. */
export async function dropCredential(job: ImportJobRecord): Promise<void> {
  const creds = credentialOf(job);
  if (creds && job.credentialKind === "job-device") await logout(creds).catch(() => undefined);
  await updateImportJob(job.id, { credential: null, credentialKind: null });
}
