// One import run's working state (its lease and stop signal, credential, snapshot of existing users, policy)
// and the rules every Synapse call of the run follows: retries, outage pause, dead credential. Every row
// outcome is written through JobRun with the lease, so a stale owner's write matches nothing (LeaseLost).
import "server-only";
import { msg } from "@/lib/i18n/message";
import { record } from "@/lib/audit/record";
import { updateImportJobFenced, type ImportJobRecord } from "@/lib/db/import-jobs";
import type { ImportRowRecord } from "@/lib/db/import-rows";
import { finishRow, finishRows, finishRowsEach, type RowOutcome } from "@/lib/db/import-row-writes";
import type { Lease } from "@/lib/db/leases";
import { sleep } from "@/lib/pool";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { describeError } from "@/lib/synapse/describe-error";
import { HomeserverUnreachableError, isSessionEnded, SynapseError } from "@/lib/synapse/errors";
import { getImportUser, type UserSnapshot } from "@/lib/synapse/import-users";
import type { PasswordPolicy } from "@/lib/synapse/password-policy";
import { decide, type Decision, type ExistingUser } from "./import-plan";
import type { StoredInput } from "./import-upload";
import type { RunControl } from "./runtime";
import { tokenEndedMessage } from "./job-credential";
import { importAuditContext } from "@/lib/audit/person";

const MAX_BACKOFF_MS = 5_000;
/** A homeserver unreachable this long pauses the job (an admin resumes it) rather than retrying forever. */
export const OUTAGE_LIMIT_MS = 15 * 60 * 1000;
let outageLimitMs = OUTAGE_LIMIT_MS;

/** Tests shorten the outage limit. */
export function setOutageLimitForTests(ms: number): void {
  outageLimitMs = ms;
}

export class JobPaused extends Error {
  constructor(
    message: string,
    readonly eraseCredential: boolean,
  ) {
    super(message);
  }
}

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
  readonly lease: Lease;
  private outageSince: number | null = null;
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
    private readonly ctl: RunControl,
  ) {
    this.signal = ctl.signal;
    this.lease = ctl.lease;
  }

  /** An admin asked to cancel (before the claim, or seen by the lease watch since): finish the rows in flight. */
  get cancelled(): boolean {
    return this.job.cancelRequested || this.ctl.stopReason() === "cancel";
  }

  /** Shutdown or a lost lease: finish the rows in flight, record nothing more; the next owner goes on. */
  get interrupted(): boolean {
    const r = this.ctl.stopReason();
    return r === "shutdown" || r === "lease-lost";
  }

  async finish(rowId: number, outcome: RowOutcome): Promise<void> {
    await finishRow(this.lease, rowId, outcome);
  }

  async finishMany(ids: number[], outcome: Pick<RowOutcome, "status" | "reason" | "eraseCsvPassword">): Promise<void> {
    await finishRows(this.lease, ids, outcome);
  }

  async finishEach(outcomes: { id: number; outcome: RowOutcome }[]): Promise<void> {
    await finishRowsEach(this.lease, outcomes);
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
          await updateImportJobFenced(this.lease, { message: null });
        }
        return value;
      } catch (e) {
        if (isSessionEnded(e)) {
          throw new JobPaused(
            tokenEndedMessage(this.job.credentialKind) ??
            (this.job.credentialKind === "session"
              ? msg("import.jobMessages.sessionEnded")
              : msg("import.jobMessages.tokenInvalid")),
            true,
          );
        }
        if (describeError(e).code === "NOT_ADMIN") throw new JobPaused(msg("import.jobMessages.notAdmin"), true);
        if (!isTransient(e)) throw e;
        this.outageSince ??= Date.now();
        if (Date.now() - this.outageSince > outageLimitMs) {
          throw new JobPaused(msg("import.jobMessages.outage", { problem: describeError(e).message }), false);
        }
        const wait = e instanceof SynapseError && e.retryAfterMs !== undefined ? e.retryAfterMs : delay;
        await updateImportJobFenced(this.lease, { message: msg("import.jobMessages.waiting", { problem: describeError(e).message }) });
        // A cancel, shutdown or lost lease ends the wait: the sleep rejects with the signal's reason, a JobStopped.
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
export async function decideRow(run: JobRun, row: Pick<StoredRow, "userId" | "parsed">): Promise<Decision> {
  const known = decideFromSnapshot(run, row);
  if (known) return known;
  const existing = (await run.retrying(() => getImportUser(run.creds, row.userId!))) ?? undefined;
  return decide(row.parsed, existing, run.job.options);
}

/**
 * The decision when the snapshot of users is enough (every row but updates that compare threepids), else null.
 * Synchronous, so a dry run of a big file makes no promise per row.
 */
export function decideFromSnapshot(run: JobRun, row: Pick<StoredRow, "userId" | "parsed">): Decision | null {
  const existing = existingOf(run, row.userId!);
  if (existing && run.job.options.conflict === "update" && row.parsed.threepids !== undefined && existing.threepids === undefined) return null;
  return decide(row.parsed, existing, run.job.options);
}

export async function auditRow(run: JobRun, action: string, row: StoredRow, outcome: string, fields?: string[], message?: string): Promise<void> {
  await record(
    importAuditContext(run.job),
    { action, target: row.userId, params: { importJob: run.job.id, line: row.line, ...(fields ? { fields } : {}) } },
    outcome,
    message,
  );
}
