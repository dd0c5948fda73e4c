/**
 * What requests do with jobs of the runtime: start one, cancel it, resume a paused one, and read it for
 * the progress bar. Every call is bound to the admin's homeserver (another homeserver's job is null).
 * The work itself runs wherever the runtime claims it, on this instance or another.
 */
import "server-only";
import { msg } from "@/lib/i18n/message";
import type { AuditContext, AuditPerson } from "@/lib/audit/record";
import { forHomeserver, type ItemStatus, type JobRecord, type JobStatus } from "@/lib/db/tenant";
import { personLabel } from "@/lib/gate-rules";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { credentialFor, releaseJobCredential, type CredentialOwner } from "./job-credential";
import { jobRuntime } from "./runtime";

/** Who starts or acts on a job: the Synapse admin (under MAS with its issuer and scopes) and, behind the gate, the person. */
export type JobOwner = CredentialOwner & { homeserver: string; person?: AuditPerson | null };

export type JobSpec = {
  kind: string;
  params: Record<string, unknown>;
  /** Targets in order (user ids, room ids, media ids), each becoming an item with its own outcome. */
  items?: string[];
  total?: number | null;
  phase?: string | null;
  /** Long jobs get a device of their own, so signing out does not stop them (under MAS every job: see job-credential.ts). */
  ownDevice?: boolean;
};

export async function startJob(owner: JobOwner, spec: JobSpec): Promise<number> {
  const credential = await credentialFor(owner, `Synapse Admin Portal job (${spec.kind})`, spec.ownDevice ?? false);
  const id = await forHomeserver(owner.homeserver).jobs.create({
    kind: spec.kind,
    actor: owner.actor,
    // The person (gate on) goes with the job, so its own audit entries name them too.
    params: { ...spec.params, ...(owner.person ? { startedBy: owner.person } : {}) },
    items: spec.items,
    total: spec.total,
    phase: spec.phase ?? "queued",
    credential,
  });
  jobRuntime().poke();
  return id;
}

/** The audit context of the job's own entries: who started it (the person too, behind the gate). */
export function jobAuditContext(job: Pick<JobRecord, "actor" | "homeserver" | "params">): AuditContext {
  return { actor: job.actor, homeserver: job.homeserver, person: (job.params.startedBy as AuditPerson | undefined) ?? null };
}

/** Who started the job, as job pages show it: the person behind the gate, or the Synapse admin. */
export function startedByLabel(job: Pick<JobRecord, "actor" | "params">): string {
  const person = personLabel(job.params.startedBy as AuditPerson | undefined);
  return person ? `${person} (${job.actor})` : job.actor;
}

export async function cancelJob(homeserver: string, id: number, by: string | Pick<JobOwner, "actor" | "person">): Promise<JobStatus> {
  const who = typeof by === "string" ? by : personLabel(by.person) ? `${personLabel(by.person)} (${by.actor})` : by.actor;
  const jobs = forHomeserver(homeserver).jobs;
  const status = await jobs.requestCancel(id, who);
  if (!status) throw new PortalRefusal("NOT_FOUND", msg("jobs.errors.notFound"));
  // A paused job ended here, not at a runner: its own credential (device, MAS personal session) goes now.
  const job = status === "cancelled" ? await jobs.get(id) : null;
  if (job?.credential) {
    await releaseJobCredential(job);
    await jobs.transition(id, ["cancelled"], { status: "cancelled", credential: null, credentialKind: null });
  }
  return status;
}

/** Kinds that delete or purge: only an owner may set them going again (anyone who may start work may stop it). */
export const OWNER_KINDS = ["room.delete", "room.purge-history", "media.delete-by-date", "media.delete-user-media", "media.purge-remote-cache", "user.redact", "user.spam-cleanup"];

/** Whether only an owner may set this job going again: a kind that deletes or purges, or a bulk action that deletes media. */
export async function resumeNeedsOwner(homeserver: string, id: number): Promise<boolean> {
  const job = await forHomeserver(homeserver).jobs.get(id);
  if (!job) return false;
  return OWNER_KINDS.includes(job.kind) || ((job.kind === "room.bulk" || job.kind === "user.bulk") && job.params.action === "delete-media");
}

/** A paused job goes on with the resuming admin's session, or under MAS a new personal session (its old credential no longer worked). */
export async function resumeJob(owner: JobOwner, id: number): Promise<void> {
  const jobs = forHomeserver(owner.homeserver).jobs;
  const job = await jobs.get(id);
  if (!job) throw new PortalRefusal("NOT_FOUND", msg("jobs.errors.notFound"));
  if (job.status !== "paused") throw new PortalRefusal("NOT_PAUSED", msg("jobs.errors.notPaused", { status: job.status }));
  const credential = await credentialFor(owner, `Synapse Admin Portal job #${id} (${job.kind})`, false);
  const moved = await jobs.transition(id, ["paused"], { status: "queued", message: null, credential: credential.seal(id), credentialKind: credential.kind });
  if (!moved) {
    await credential.release();
    throw new PortalRefusal("NOT_PAUSED", msg("jobs.errors.noLongerPaused"));
  }
  // The credential it paused with (kept when only the homeserver was away) is replaced: let it go.
  await releaseJobCredential(job);
  jobRuntime().poke();
}

/** What the progress component shows. No credential, no lease internals beyond "someone runs it". */
export type JobView = {
  id: number;
  kind: string;
  status: JobStatus;
  phase: string | null;
  done: number;
  failed: number;
  total: number | null;
  message: string | null;
  actor: string;
  /** The person behind the gate with the MXID, or the MXID (what job pages show). */
  startedBy: string;
  cancelledBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** An instance holds a live lease (false for a queued job nobody has claimed yet, or an owner that died). */
  claimed: boolean;
  result: Record<string, unknown> | null;
  items: Partial<Record<ItemStatus, number>>;
  ended: boolean;
};

export const ENDED: JobStatus[] = ["completed", "stopped", "cancelled", "failed"];

export function viewOf(job: JobRecord, items: Partial<Record<ItemStatus, number>>): JobView {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    phase: job.phase,
    done: job.done,
    failed: job.failed,
    total: job.total,
    message: job.message,
    actor: job.actor,
    startedBy: startedByLabel(job),
    cancelledBy: job.cancelledBy,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    claimed: job.leaseUntil !== null && job.leaseUntil.getTime() > Date.now(),
    result: job.result,
    items,
    ended: ENDED.includes(job.status),
  };
}

export async function getJobView(homeserver: string, id: number, kinds?: string[]): Promise<JobView | null> {
  const jobs = forHomeserver(homeserver).jobs;
  const job = await jobs.get(id);
  if (!job || (kinds && !kinds.includes(job.kind))) return null;
  return viewOf(job, (await jobs.countItems(id)) ?? {});
}
