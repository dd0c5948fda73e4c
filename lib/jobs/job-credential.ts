// The access token a job works with, for both tables (the runtime's jobs and the CSV import, see
// import-credential.ts): how it is minted, sealed in the row while the job is unfinished, and let go at the end.
import "server-only";
import { seal, unseal, type SealPurpose } from "@/lib/crypto/seal";
import { getEnv } from "@/lib/env";
import { msg } from "@/lib/i18n/message";
import { parseMxid } from "@/lib/matrix/mxid";
import { DEVICE_SCOPE_PREFIX, newDeviceId, SCOPE_CLIENT_API, SCOPE_MAS_ADMIN, SCOPE_SYNAPSE_ADMIN } from "@/lib/matrix/oauth";
import type { JobRecord } from "@/lib/db/jobs";
import { logout } from "@/lib/synapse/auth";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { mintJobToken } from "@/lib/synapse/import-users";
import { createMasPersonalSession, getMasUserId, revokeMasPersonalSession } from "@/lib/synapse/mas-admin";

/**
 * "job-device": a device of its own from Synapse's login/get_token; "mas-personal": a MAS personal session of its
 * own; "session": the admin's session token; "mas-session": the admin's MAS session token, which MAS expires within
 * minutes ("mas-session-refused": MAS had the admin scope but refused a personal session).
 */
export type CredentialKind = "job-device" | "mas-personal" | "session" | "mas-session" | "mas-session-refused";

/** Who a job's credential is made for: the admin's AdminContext (or JobOwner) carries all of it. */
export type CredentialOwner = { creds: SynapseCredentials; actor: string; masIssuer?: string | null; scopes?: string[] };

/** What a job holds while it is unfinished. A MAS personal session also keeps its id and issuer, to revoke it. */
export type HeldCredential = { token: string; kind: CredentialKind; masSession?: { id: string; issuer: string } };

/**
 * A credential for a new (or resumed) job. Under MAS (the admin signed in with OAuth), every job gets a personal
 * session of its own when the admin's session holds `urn:mas:admin`: the session's own token lives minutes. Its
 * scope includes `urn:mas:admin` so the job can revoke itself when it ends, long after the admin's token expired.
 * Without MAS, `ownDevice` jobs get a device through login/get_token (one per minute; a second job meanwhile
 * uses the session's token). Anything refused falls back to the admin's session token.
 */
export async function mintCredential(owner: CredentialOwner, name: string, ownDevice: boolean): Promise<HeldCredential> {
  const session = { token: owner.creds.accessToken };
  if (owner.masIssuer) {
    if (!owner.scopes?.includes(SCOPE_MAS_ADMIN)) return { ...session, kind: "mas-session" };
    try {
      return await mintMasPersonal(owner, owner.masIssuer, name);
    } catch (e) {
      console.warn(`[portal] ${name}: MAS refused a personal session, using the admin's session (${e instanceof Error ? e.message : e})`);
      return { ...session, kind: "mas-session-refused" };
    }
  }
  const token = ownDevice ? await mintJobToken(owner.creds, name).catch(() => null) : null;
  return token ? { token, kind: "job-device" } : { ...session, kind: "session" };
}

async function mintMasPersonal(owner: CredentialOwner, issuer: string, name: string): Promise<HeldCredential> {
  const adminToken = owner.creds.accessToken;
  const mxid = parseMxid(owner.actor);
  if (!mxid.ok) throw new Error(`not a user id: ${owner.actor}`);
  const actorUserId = await getMasUserId(issuer, adminToken, mxid.value.localpart);
  // A device of its own, as a job has without MAS: MAS adds it to Synapse, and removes it on revoke, which also
  // ends Synapse's cached introspection of the token at once.
  const scope = [SCOPE_CLIENT_API, SCOPE_SYNAPSE_ADMIN, SCOPE_MAS_ADMIN, `${DEVICE_SCOPE_PREFIX}${newDeviceId()}`].join(" ");
  const expiresInSeconds = getEnv().MAS_JOB_TOKEN_HOURS * 3600;
  const ps = await createMasPersonalSession(issuer, adminToken, { actorUserId, humanName: name, scope, expiresInSeconds });
  return { token: ps.accessToken, kind: "mas-personal", masSession: { id: ps.id, issuer } };
}

/** Lets a held credential go (best effort): logs a job's device out, revokes its MAS personal session. */
export async function releaseCredential(held: HeldCredential, homeserver: string): Promise<void> {
  if (held.kind === "job-device") await logout({ baseUrl: homeserver, accessToken: held.token }).catch(() => undefined);
  if (held.kind === "mas-personal" && held.masSession) {
    // With its own token: it carries urn:mas:admin for exactly this.
    await revokeMasPersonalSession(held.masSession.issuer, held.token, held.masSession.id).catch((e) =>
      console.warn(`[portal] could not revoke MAS personal session ${held.masSession!.id} (it expires on its own): ${e instanceof Error ? e.message : e}`),
    );
  }
}

/** The sealed column value: the token alone, or (MAS personal session) the token with the session's id and issuer. */
export function sealHeld(purpose: SealPurpose, jobId: number, held: HeldCredential): string {
  const plain = held.masSession ? JSON.stringify({ token: held.token, masSession: held.masSession }) : held.token;
  return seal(plain, purpose, `job:${jobId}`);
}

/** The credential a row holds, or null (none, or sealed under another SESSION_SECRET: an admin resumes it). */
export function unsealHeld(purpose: SealPurpose, job: { id: number; credential: string | null; credentialKind: string | null }): HeldCredential | null {
  if (!job.credential) return null;
  try {
    const plain = unseal(job.credential, purpose, `job:${job.id}`);
    const kind = (job.credentialKind ?? "session") as CredentialKind;
    if (kind !== "mas-personal") return { token: plain, kind };
    const parsed = JSON.parse(plain) as { token: string; masSession: { id: string; issuer: string } };
    return { token: parsed.token, kind, masSession: parsed.masSession };
  } catch {
    return null;
  }
}

/**
 * The pause message when the token a job ran on stopped working and the reason is known: the admin's MAS session
 * token expired because the job could not get a personal session. Null: the kind's own message fits.
 */
export function tokenEndedMessage(kind: string | null): string | null {
  if (kind === "mas-session") return msg("masJobs.pausedNoMasAdmin");
  if (kind === "mas-session-refused") return msg("masJobs.pausedPersonalRefused");
  return null;
}

// The runtime's jobs (the "job" table).

/** `release`: for a credential that was minted but never stored (the job changed meanwhile). */
export type SealedCredential = { seal: (jobId: number) => string; kind: CredentialKind; release: () => Promise<void> };

export async function credentialFor(owner: CredentialOwner, name: string, ownDevice: boolean): Promise<SealedCredential> {
  const held = await mintCredential(owner, name, ownDevice);
  return { seal: (jobId) => sealHeld("job-credential", jobId, held), kind: held.kind, release: () => releaseCredential(held, owner.creds.baseUrl) };
}

export function credentialOfJob(job: Pick<JobRecord, "id" | "homeserver" | "credential" | "credentialKind">): SynapseCredentials | null {
  const held = unsealHeld("job-credential", job);
  return held && { baseUrl: job.homeserver, accessToken: held.token };
}

/** Lets the job's own credential go (best effort); the caller clears the column. */
export async function releaseJobCredential(job: Pick<JobRecord, "id" | "homeserver" | "credential" | "credentialKind">): Promise<void> {
  const held = unsealHeld("job-credential", job);
  if (held) await releaseCredential(held, job.homeserver);
}
