/**
 * Runs the jobs of the "job" table: finds the job's kind, gives it a RunningJob (fenced writes, items,
 * the credential), and records how it ended. A run stopped by shutdown or a lost lease records nothing:
 * the next owner runs the kind again, and kinds are written so that a second run neither skips nor
 * repeats an item (an item "in-flight" is looked up on Synapse before anything is sent again).
 */
import "server-only";
import {
  addItemsFenced,
  getJob,
  itemsAfter,
  LeaseLost,
  setItemFenced,
  skipPendingItems,
  updateJobFenced,
  type ItemStatus,
  type JobItemRecord,
  type JobRecord,
  type JobUpdate,
} from "@/lib/db/jobs";
import type { Lease } from "@/lib/db/leases";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { credentialOfJob, releaseJobCredential, tokenEndedMessage } from "./job-credential";
import { JobStopped, type Driver, type RunControl } from "./runtime";

export type JobEnd = { status: "completed" | "stopped" | "failed"; message?: string | null; result?: Record<string, unknown> | null };

/** What a kind works with. Writes are fenced: after a lost lease they throw LeaseLost and the run ends. */
export type RunningJob = {
  job: JobRecord;
  lease: Lease;
  /** The sealed credential, unsealed; null when the kind needs none. */
  creds: SynapseCredentials | null;
  /** Aborted on cancel, shutdown or a lost lease. Use it to stop starting new work and to end waits; do not
   *  pass it to a request that changes Synapse (an aborted change has an unknown outcome). */
  signal: AbortSignal;
  /** An admin asked to cancel: finish what is in flight, then return. */
  cancelled(): boolean;
  /** Shutdown or lost lease: return as soon as the step in flight is done (nothing more is recorded). */
  interrupted(): boolean;
  update(u: Pick<JobUpdate, "phase" | "done" | "failed" | "total" | "result">): Promise<void>;
  addItems(keys: string[]): Promise<number>;
  items(statuses: ItemStatus[], afterSeq: number, take: number): Promise<JobItemRecord[]>;
  setItem(itemId: number, status: ItemStatus, message?: string | null): Promise<void>;
};

export type JobKind = {
  kind: string;
  /** Whether the job works with a sealed token (most do); without a usable one it is paused. */
  needsCredential: boolean;
  run(job: RunningJob): Promise<JobEnd>;
};

/** Thrown by a kind to pause the job until an admin resumes it (e.g. its token was revoked). */
export class PauseJob extends Error {
  readonly name = "PauseJob";
  constructor(
    message: string,
    readonly dropCredential = false,
  ) {
    super(message);
  }
}

const kinds = new Map<string, JobKind>();

export function registerJobKind(k: JobKind): void {
  kinds.set(k.kind, k);
}

export function jobKinds(): string[] {
  return [...kinds.keys()];
}

export const jobDriver: Driver = { table: "job", kinds: jobKinds, run: driveJob };

const NO_CREDENTIAL = "Paused: the job has no usable credential (its token was revoked, or the portal restarted with another SESSION_SECRET). Press Resume to continue with your session.";

async function driveJob(ctl: RunControl): Promise<void> {
  const { lease } = ctl;
  const job = await getJob(lease.id);
  const kind = job && kinds.get(job.kind);
  if (!job || !kind) return;
  if (job.cancelRequested && job.status === "queued") return end(lease, job, cancelledEnd(job));
  const creds = credentialOfJob(job);
  if (kind.needsCredential && !creds) return pause(lease, job, NO_CREDENTIAL, false);
  await updateJobFenced(lease, { status: job.cancelRequested ? "cancelling" : "running", ...(job.startedAt ? {} : { startedAt: new Date() }) });
  const running: RunningJob = {
    job,
    lease,
    creds,
    signal: ctl.signal,
    cancelled: () => job.cancelRequested || ctl.stopReason() === "cancel",
    interrupted: () => ctl.stopReason() === "shutdown" || ctl.stopReason() === "lease-lost",
    update: (u) => updateJobFenced(lease, u),
    addItems: (keys) => addItemsFenced(lease, keys),
    items: (statuses, afterSeq, take) => itemsAfter(lease.id, statuses, afterSeq, take),
    setItem: (id, status, message) => setItemFenced(lease, id, status, message ?? null),
  };
  let outcome: JobEnd;
  try {
    outcome = await kind.run(running);
  } catch (e) {
    if (e instanceof LeaseLost || e instanceof JobStopped || running.interrupted()) return;
    if (e instanceof PauseJob) return pause(lease, job, e.message, e.dropCredential);
    console.error(`[portal] job ${job.id} (${job.kind}) failed:`, e instanceof Error ? e.stack : e);
    return pause(lease, job, "The job stopped on an unexpected error (logged on the server). Press Resume to continue.", false);
  }
  if (running.interrupted()) return;
  // Re-read for who cancelled: the flag came after the claim.
  await end(lease, job, running.cancelled() ? cancelledEnd((await getJob(job.id)) ?? job) : outcome);
}

function cancelledEnd(job: JobRecord): JobEnd & { cancelled: true } {
  return { status: "stopped", cancelled: true, message: `Cancelled${job.cancelledBy ? ` by ${job.cancelledBy}` : ""}; the items in flight were finished first.` };
}

async function end(lease: Lease, job: JobRecord, outcome: JobEnd & { cancelled?: true }): Promise<void> {
  if (outcome.cancelled) await skipPendingItems(lease, "Not run: the job was cancelled.");
  await releaseJobCredential(job);
  await updateJobFenced(lease, {
    status: outcome.cancelled ? "cancelled" : outcome.status,
    message: outcome.message ?? null,
    ...(outcome.result !== undefined ? { result: outcome.result } : {}),
    finishedAt: new Date(),
    credential: null,
    credentialKind: null,
    cancelRequested: false,
  });
}

/** `dropCredential`: the token stopped working (under MAS, the admin's session expired: say why and what to do). */
async function pause(lease: Lease, job: JobRecord, message: string, dropCredential: boolean): Promise<void> {
  if (dropCredential) await releaseJobCredential(job);
  await updateJobFenced(lease, { status: "paused", message: (dropCredential && tokenEndedMessage(job.credentialKind)) || message, ...(dropCredential ? { credential: null, credentialKind: null } : {}) });
}
