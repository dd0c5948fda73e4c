// The access token a job of the runtime (not the import, see import-credential.ts) works with, sealed in
// its row only while the job is unfinished.
import "server-only";
import { seal, unseal } from "@/lib/crypto/seal";
import type { JobRecord } from "@/lib/db/jobs";
import { logout } from "@/lib/synapse/auth";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { mintJobToken } from "@/lib/synapse/import-users";

export type SealedCredential = { seal: (jobId: number) => string; kind: "job-device" | "session" };

const sealFor = (token: string) => (jobId: number) => seal(token, "job-credential", `job:${jobId}`);

/**
 * What a new job keeps: with `ownDevice`, a device of its own (so the admin signing out does not stop it;
 * Synapse mints one login token per minute, so a second job meanwhile uses the session's token), else
 * the admin's session token. Either way the token is sealed, and dropped when the job ends.
 */
export async function credentialFor(creds: SynapseCredentials, deviceName: string, ownDevice: boolean): Promise<SealedCredential> {
  const token = ownDevice ? await mintJobToken(creds, deviceName).catch(() => null) : null;
  return token ? { seal: sealFor(token), kind: "job-device" } : { seal: sealFor(creds.accessToken), kind: "session" };
}

export function credentialOfJob(job: Pick<JobRecord, "id" | "homeserver" | "credential">): SynapseCredentials | null {
  if (!job.credential) return null;
  try {
    return { baseUrl: job.homeserver, accessToken: unseal(job.credential, "job-credential", `job:${job.id}`) };
  } catch {
    return null; // another SESSION_SECRET: the job waits for an admin to resume it with a fresh one
  }
}

/** Logs a job's own device out (best effort); the caller clears the column. */
export async function logoutJobDevice(job: Pick<JobRecord, "id" | "homeserver" | "credential" | "credentialKind">): Promise<void> {
  const creds = credentialOfJob(job);
  if (creds && job.credentialKind === "job-device") await logout(creds).catch(() => undefined);
}
