// The credential an import job's worker uses, sealed in the job row only while the job is unfinished. Minted and
// let go the same way as a runtime job's (job-credential.ts); only the table and the seal's purpose differ.
import "server-only";
import { assertImportFence, attachImportCredential, updateImportJob, updateImportJobFenced, type ImportJobRecord } from "@/lib/db/import-jobs";
import type { Lease } from "@/lib/db/leases";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { mintCredential, releaseCredential, sealHeld, unsealHeld, type CredentialOwner } from "./job-credential";

export function sealCredential(jobId: number, token: string): string {
  return sealHeld("import-credential", jobId, { token, kind: "session" });
}

export function credentialOf(job: ImportJobRecord): SynapseCredentials | null {
  const held = unsealHeld("import-credential", job);
  return held && { baseUrl: job.homeserver, accessToken: held.token };
}

/**
 * The credential the worker keeps (sealed) while the job is unfinished: one of its own when it can have one (a
 * device, or under MAS a personal session), so signing out does not stop the job; otherwise the admin's session
 * token. Only a job holding none gets one: of two requests racing (two Start clicks), the loser lets its new
 * credential go and gets false, so no token is overwritten or left behind.
 */
export async function attachCredential(jobId: number, owner: CredentialOwner): Promise<boolean> {
  const held = await mintCredential(owner, `Synapse Admin Portal import #${jobId}`, true);
  const attached = await attachImportCredential(jobId, sealHeld("import-credential", jobId, held), held.kind);
  if (!attached) await releaseCredential(held, owner.creds.baseUrl);
  return attached;
}

/**
 * Lets the job's own credential go (best effort) and forgets it. The worker passes its lease: an owner that lost
 * the job must not end the credential its new owner works with.
 */
export async function dropCredential(job: ImportJobRecord, lease?: Lease): Promise<void> {
  if (lease) await assertImportFence(lease);
  const held = unsealHeld("import-credential", job);
  if (held) await releaseCredential(held, job.homeserver);
  const erase = { credential: null, credentialKind: null };
  await (lease ? updateImportJobFenced(lease, erase) : updateImportJob(job.id, erase));
}
