// One import run's working state (credential, cancel signal, snapshot of existing users, policy) and the
// rules every Synapse call of the run follows: retries, outage pause, dead credential. Every row outcome is
// written through JobRun, so a later lease check on each write has one place to go.
import "server-only";
import { record } from "@/lib/audit/record";
import { getImportJob, updateImportJob, type ImportJobRecord } from "@/lib/db/import-jobs";
import { finishRow, finishRows, finishRowsEach, type ImportRowRecord, type RowOutcome } from "@/lib/db/import-rows";
import { sleep } from "@/lib/pool";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { describeError } from "@/lib/synapse/describe-error";
import { HomeserverUnreachableError, isSessionEnded, SynapseError } from "@/lib/synapse/errors";
import { getImportUser, type UserSnapshot } from "@/lib/synapse/import-users";
import type { PasswordPolicy } from "@/lib/synapse/password-policy";
import { decide, type Decision, type ExistingUser } from "./import-plan";
import type { StoredInput } from "./import-upload";

const MAX_BACKOFF_MS = 5_000;
/** A homeserver unreachable this long pauses the job (an admin resumes it) rather than retrying forever. */
export const OUTAGE_LIMIT_MS = 15 * 60 * 1000;
const CANCEL_POLL_MS = 1_000;
const RATE_WINDOW_S = 30;

type RunHandle = { jobId: number; cancel: () => void; done: Promise<void> };
type Registry = { running: Map<number, RunHandle>; outageLimitMs: number; finishedPerSecond: Map<number, Map<number, number>> };

/** The workers of this process. One registry per process, shared by every bundle Next.js loads this module into. */
export const importRegistry: Registry = ((globalThis as unknown as { portalImportRunner?: Registry }).portalImportRunner ??= {
  running: new Map(),
  outageLimitMs: OUTAGE_LIMIT_MS,
  finishedPerSecond: new Map(),
});

/** Counts rows finished by this process's worker, per second, for the progress bar's rate. */
function noteFinished(jobId: number, rows: number): void {
  const now = Math.floor(Date.now() / 1000);
  const buckets = importRegistry.finishedPerSecond.get(jobId) ?? new Map<number, number>();
  buckets.set(now, (buckets.get(now) ?? 0) + rows);
  for (const t of buckets.keys()) if (t < now - RATE_WINDOW_S) buckets.delete(t);
  importRegistry.finishedPerSecond.set(jobId, buckets);
}

/** Rows per second over the last 30 s (or since the worker started), or null when it is not running here. */
export function recentImportRate(jobId: number): number | null {
  const buckets = importRegistry.finishedPerSecond.get(jobId);
  if (!buckets || !importRegistry.running.has(jobId)) return null;
  const now = Math.floor(Date.now() / 1000);
  let rows = 0;
  let oldest = now;
  for (const [t, n] of buckets) {
    if (t < now - RATE_WINDOW_S) continue;
    rows += n;
    oldest = Math.min(oldest, t);
  }
  return rows / Math.max(1, now - oldest + 1);
}

/** Tests shorten the outage limit. */
export function setOutageLimitForTests(ms: number): void {
  importRegistry.outageLimitMs = ms;
}

export class JobPaused extends Error {
  constructor(
    message: string,
    readonly eraseCredential: boolean,
  ) {
    super(message);
  }
}

export class JobCancelled extends Error {}

/** A failure whose outcome is unknown or passing (Synapse unreachable, overloaded): try again, do not give up. */
export function isTransient(e: unknown): boolean {
  if (e instanceof HomeserverUnreachableError) return e.kind === "timeout" || e.kind === "network";
  if (e instanceof SynapseError) return e.status === 429 || e.status >= 500;
  return false;
}

export type StoredRow = ImportRowRecord & { parsed: StoredInput };

export function parseRow(r: ImportRowRecord): StoredRow {
  return { ...r, parsed: JSON.parse(r.input) as StoredInput };
}

export class JobRun {
  readonly signal: AbortSignal;
  private outageSince: number | null = null;
  private lastCancelPoll = 0;
  /** conflict mode "stop" met an existing user */
  stopDispatch = false;
  /** a worker hit a job-level failure (pause): the others finish their row and take no more */
  halted = false;
  stopMessage: string | null = null;
  snapshot!: UserSnapshot;
  /** the homeserver's password policy: generated passwords meet it, file passwords are checked again */
  policy: PasswordPolicy = {};

  constructor(
    readonly job: ImportJobRecord,
    readonly creds: SynapseCredentials,
    private readonly ac: AbortController,
  ) {
    this.signal = ac.signal;
  }

  get cancelled(): boolean {
    return this.signal.aborted;
  }

  async finish(rowId: number, outcome: RowOutcome): Promise<void> {
    await finishRow(rowId, outcome);
    noteFinished(this.job.id, 1);
  }

  async finishMany(ids: number[], outcome: Pick<RowOutcome, "status" | "reason" | "eraseCsvPassword">): Promise<void> {
    await finishRows(ids, outcome);
    noteFinished(this.job.id, ids.length);
  }

  async finishEach(outcomes: { id: number; outcome: RowOutcome }[]): Promise<void> {
    await finishRowsEach(outcomes);
    noteFinished(this.job.id, outcomes.length);
  }

  /** The cancel flag is also read from the database, for a cancel recorded by another process. */
  async pollCancel(): Promise<void> {
    if (this.cancelled || Date.now() - this.lastCancelPoll < CANCEL_POLL_MS) return;
    this.lastCancelPoll = Date.now();
    const fresh = await getImportJob(this.job.id);
    if (fresh?.cancelRequested) this.ac.abort(new JobCancelled("cancelled"));
  }

  /**
   * Runs `call` until it succeeds, retrying transient failures with backoff. `landed` is asked before each
   * retry whether the earlier attempt took effect after all (its answer may have been lost).
   */
  async retrying<T>(call: () => Promise<T>, landed?: () => Promise<T | null>): Promise<T> {
    let delay = 500;
    let retry = false;
    for (;;) {
      try {
        if (retry && landed) {
          const already = await landed();
          if (already !== null) return already;
        }
        const value = await call();
        if (this.outageSince !== null) {
          this.outageSince = null;
          await updateImportJob(this.job.id, { message: null });
        }
        return value;
      } catch (e) {
        if (isSessionEnded(e)) {
          throw new JobPaused(
            this.job.credentialKind === "session"
              ? "Paused: the admin session this job used has ended (signed out). Press Resume to continue with your session."
              : "Paused: the job's access token is no longer valid. Press Resume to continue with your session.",
            true,
          );
        }
        if (describeError(e).code === "NOT_ADMIN") throw new JobPaused("Paused: the account running this job is no longer a server admin. An admin can press Resume.", true);
        if (!isTransient(e)) throw e;
        this.outageSince ??= Date.now();
        if (Date.now() - this.outageSince > importRegistry.outageLimitMs) {
          throw new JobPaused(`Paused: the homeserver has not answered properly for a long time (${describeError(e).message}) Press Resume once it is back.`, false);
        }
        const wait = e instanceof SynapseError && e.retryAfterMs !== undefined ? e.retryAfterMs : delay;
        await updateImportJob(this.job.id, { message: `Waiting for the homeserver: ${describeError(e).message} Retrying automatically.` });
        // A cancel ends the wait: the sleep rejects with the signal's reason, a JobCancelled.
        await sleep(wait, this.signal);
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
        retry = true;
      }
    }
  }
}

export function existingOf(run: JobRun, userId: string): ExistingUser | undefined {
  if (!run.snapshot.ids.has(userId)) return undefined;
  return run.snapshot.details.get(userId) ?? { displayname: null, admin: false, deactivated: false, locked: false, userType: null, avatarUrl: null };
}

/** Update mode compares threepids too, which the user list does not show: fetch them for those rows only. */
export async function decideRow(run: JobRun, row: StoredRow): Promise<Decision> {
  let existing = existingOf(run, row.userId!);
  if (existing && run.job.options.conflict === "update" && row.parsed.threepids !== undefined && existing.threepids === undefined) {
    existing = (await run.retrying(() => getImportUser(run.creds, row.userId!))) ?? undefined;
  }
  return decide(row.parsed, existing, run.job.options);
}

export async function auditRow(run: JobRun, action: string, row: StoredRow, outcome: string, fields?: string[], message?: string): Promise<void> {
  await record(
    { actor: run.job.actor, homeserver: run.job.homeserver },
    { action, target: row.userId, params: { importJob: run.job.id, line: row.line, ...(fields ? { fields } : {}) } },
    outcome,
    message,
  );
}
