/**
 * The durable CSV import worker. It runs inside the portal's server process (started on boot by
 * instrumentation.ts to resume unfinished jobs) and keeps every fact in SQLite as it happens:
 *
 * - a row is marked "in-flight" (with its sealed generated password) BEFORE its PUT and gets its outcome
 *   after it, so after a crash or a lost answer the row's user is looked up on Synapse before anything is
 *   sent again: no user is created or updated twice;
 * - existing users come from one pass over the user list, never one request per row;
 * - rows run in file order with bounded concurrency; 429s wait `retry_after_ms`, network errors and 5xx
 *   back off and retry, and a long outage pauses the job visibly instead of failing rows;
 * - a dead credential (the admin signed out and the job runs on the session's token) pauses the job until
 *   an admin presses Resume.
 */
import "server-only";
import { record } from "@/lib/audit/record";
import { seal, unseal } from "@/lib/crypto/seal";
import { getImportJob, importJobsInStatus, deleteImportJob, transitionImportJob, updateImportJob, type ImportJobRecord } from "@/lib/db/import-jobs";
import {
  countImportRows,
  finishRow,
  finishRows,
  finishRowsEach,
  finishRowsInStatus,
  markRowInFlight,
  resetRowsToPending,
  rowKeysAfterLine,
  rowsAfterLine,
  rowsById,
  rowsInStatus,
  setRowUserIds,
  type ImportRowRecord,
  type RowOutcome,
} from "@/lib/db/import-rows";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { describeError } from "@/lib/synapse/describe-error";
import { HomeserverUnreachableError, isSessionEnded, SynapseError } from "@/lib/synapse/errors";
import { getImportUser, putImportUser, snapshotUsers, type UserSnapshot } from "@/lib/synapse/import-users";
import { logout } from "@/lib/synapse/auth";
import { checkPasswordPolicy, describePolicyViolation, getPasswordPolicy, type PasswordPolicy } from "@/lib/synapse/password-policy";
import { generatePassword } from "@/lib/synapse/user-password";
import type { RowStatus } from "@/lib/schemas/import";
import { decide, generateLocalpart, passwordForCreate, updateLanded, type Change, type Decision, type ExistingUser } from "./import-plan";
import type { StoredInput } from "./import-upload";

const PAGE = 500;
const MAX_BACKOFF_MS = 5_000;
/** A homeserver unreachable this long pauses the job (an admin resumes it) rather than retrying forever. */
export const OUTAGE_LIMIT_MS = 15 * 60 * 1000;
const CANCEL_POLL_MS = 1_000;

type Registry = { running: Map<number, RunHandle>; outageLimitMs: number; finishedPerSecond: Map<number, Map<number, number>> };
type RunHandle = { jobId: number; cancel: () => void; done: Promise<void> };

// One registry per process, shared by every bundle Next.js loads this module into.
const registry: Registry = ((globalThis as unknown as { portalImportRunner?: Registry }).portalImportRunner ??= {
  running: new Map(),
  outageLimitMs: OUTAGE_LIMIT_MS,
  finishedPerSecond: new Map(),
});

const RATE_WINDOW_S = 30;

/** Counts rows finished by this process's worker, per second, for the progress bar's rate. */
function noteFinished(jobId: number, rows: number): void {
  const now = Math.floor(Date.now() / 1000);
  const buckets = registry.finishedPerSecond.get(jobId) ?? new Map<number, number>();
  buckets.set(now, (buckets.get(now) ?? 0) + rows);
  for (const t of buckets.keys()) if (t < now - RATE_WINDOW_S) buckets.delete(t);
  registry.finishedPerSecond.set(jobId, buckets);
}

/** Rows per second over the last 30 s (or since the worker started), or null when it is not running here. */
export function recentImportRate(jobId: number): number | null {
  const buckets = registry.finishedPerSecond.get(jobId);
  if (!buckets || !registry.running.has(jobId)) return null;
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
  registry.outageLimitMs = ms;
}

class JobPaused extends Error {
  constructor(
    message: string,
    readonly eraseCredential: boolean,
  ) {
    super(message);
  }
}

class JobCancelled extends Error {}

export function isImportRunning(jobId: number): boolean {
  return registry.running.has(jobId);
}

/** Resolves when the job's worker in this process stops (at once if none runs). */
export function waitForImport(jobId: number): Promise<void> {
  return registry.running.get(jobId)?.done ?? Promise.resolve();
}

/** Asks a running job to stop after the rows in flight. False if it does not run in this process. */
export function requestImportCancel(jobId: number): boolean {
  const h = registry.running.get(jobId);
  h?.cancel();
  return h !== undefined;
}

/** Starts the worker for a queued/running/cancelling job; a no-op if it already runs here. */
export function runImportJob(jobId: number): void {
  if (registry.running.has(jobId)) return;
  const ac = new AbortController();
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  const handle: RunHandle = { jobId, cancel: () => ac.abort(new JobCancelled("cancelled")), done };
  registry.running.set(jobId, handle);
  registry.finishedPerSecond.set(jobId, new Map());
  void (async () => {
    try {
      await execute(jobId, ac);
    } catch (e) {
      console.error(`[portal] import job ${jobId} crashed:`, e instanceof Error ? e.stack : e);
      await updateImportJob(jobId, { status: "paused", message: "The job stopped on an unexpected error (logged on the server). Press Resume to continue." }).catch(() => undefined);
    } finally {
      registry.running.delete(jobId);
      registry.finishedPerSecond.delete(jobId);
      resolveDone();
    }
  })();
}

/** On server start: continue every job that was running, and drop uploads a crash interrupted. */
export async function resumeImportJobs(): Promise<number[]> {
  for (const j of await importJobsInStatus(["uploading"])) await deleteImportJob(j.id);
  const jobs = await importJobsInStatus(["queued", "running", "cancelling"]);
  for (const j of jobs) runImportJob(j.id);
  return jobs.map((j) => j.id);
}

export function sealCredential(jobId: number, token: string): string {
  return seal(token, "import-credential", `job:${jobId}`);
}

function credentialOf(job: ImportJobRecord): SynapseCredentials | null {
  if (!job.credential) return null;
  try {
    return { baseUrl: job.homeserver, accessToken: unseal(job.credential, "import-credential", `job:${job.id}`) };
  } catch {
    return null;
  }
}

/** Logs the job's own device out (best effort) and forgets the credential. */
export async function dropCredential(job: ImportJobRecord): Promise<void> {
  const creds = credentialOf(job);
  if (creds && job.credentialKind === "job-device") await logout(creds).catch(() => undefined);
  await updateImportJob(job.id, { credential: null, credentialKind: null });
}

function isTransient(e: unknown): boolean {
  if (e instanceof HomeserverUnreachableError) return e.kind === "timeout" || e.kind === "network";
  if (e instanceof SynapseError) return e.status === 429 || e.status >= 500;
  return false;
}

function isNotAdmin(e: unknown): boolean {
  return e instanceof SynapseError && e.status === 403 && e.error === "You are not a server admin";
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });

type StoredRow = ImportRowRecord & { parsed: StoredInput };

class JobRun {
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
        if (isNotAdmin(e)) throw new JobPaused("Paused: the account running this job is no longer a server admin. An admin can press Resume.", true);
        if (!isTransient(e)) throw e;
        this.outageSince ??= Date.now();
        if (Date.now() - this.outageSince > registry.outageLimitMs) {
          throw new JobPaused(`Paused: the homeserver has not answered properly for a long time (${describeError(e).message}) Press Resume once it is back.`, false);
        }
        const wait = e instanceof SynapseError && e.retryAfterMs !== undefined ? e.retryAfterMs : delay;
        await updateImportJob(this.job.id, { message: `Waiting for the homeserver: ${describeError(e).message} Retrying automatically.` });
        await sleep(wait, this.signal);
        if (this.cancelled) throw new JobCancelled("cancelled");
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
        retry = true;
      }
    }
  }
}

function parseRow(r: ImportRowRecord): StoredRow {
  return { ...r, parsed: JSON.parse(r.input) as StoredInput };
}

async function execute(jobId: number, ac: AbortController): Promise<void> {
  const job = await getImportJob(jobId);
  if (!job || !["queued", "running", "cancelling"].includes(job.status)) return;
  if (job.cancelRequested) ac.abort(new JobCancelled("cancelled"));
  const creds = credentialOf(job);
  if (!creds) {
    await pause(job, "Paused: the job has no usable credential (the portal restarted with another SESSION_SECRET, or the session ended). Press Resume to continue with your session.", true);
    return;
  }
  await transitionImportJob(jobId, ["queued", "running", "cancelling"], {
    status: job.status === "cancelling" ? "cancelling" : "running",
    startedAt: job.startedAt ?? new Date(),
    message: null,
  });
  const run = new JobRun(job, creds, ac);
  try {
    await prepare(run);
    await reconcileInFlight(run);
    if (!run.cancelled) {
      if (job.dryRun) await dryRun(run);
      else await processPending(run);
    }
    await finish(run);
  } catch (e) {
    if (e instanceof JobCancelled || (run.cancelled && !(e instanceof JobPaused))) {
      await finish(run);
      return;
    }
    if (e instanceof JobPaused) {
      await pause(job, e.message, e.eraseCredential);
      return;
    }
    throw e;
  }
}

/** Existing users (one pass over the user list) and ids generated from display names, fixed in the rows. */
async function prepare(run: JobRun): Promise<void> {
  const jobId = run.job.id;
  const inFile = new Set<string>();
  const needIds: number[] = [];
  for (let after = 0; ; ) {
    const page = await rowKeysAfterLine(jobId, ["pending", "in-flight"], after, 10_000);
    if (page.length === 0) break;
    after = page[page.length - 1].line;
    for (const r of page) {
      if (r.userId) inFile.add(r.userId);
      else needIds.push(r.id);
    }
  }
  run.snapshot = await run.retrying(() => snapshotUsers(run.creds, (id) => inFile.has(id)));
  run.policy = await run.retrying(() => getPasswordPolicy(run.creds.baseUrl));
  if (needIds.length === 0) return;
  const server = run.job.serverName;
  const taken = (lp: string) => run.snapshot.ids.has(`@${lp}:${server}`) || inFile.has(`@${lp}:${server}`);
  const updates = (await rowsById(needIds)).map(parseRow).map((r) => {
    const userId = `@${generateLocalpart(r.parsed.displayname ?? "user", taken)}:${server}`;
    inFile.add(userId);
    return { id: r.id, userId };
  });
  for (let i = 0; i < updates.length; i += 500) await setRowUserIds(updates.slice(i, i + 500));
}

/** Rows that were in flight when the portal stopped: find out on Synapse whether their call landed. */
async function reconcileInFlight(run: JobRun): Promise<void> {
  const rows = (await rowsInStatus(run.job.id, "in-flight")).map(parseRow);
  const again: number[] = [];
  for (const row of rows) {
    const current = await run.retrying(() => getImportUser(run.creds, row.userId!));
    if (row.attempt === "create" && current) {
      await applyCreateOnlyFlags(run, row, current);
      await run.finish(row.id, { status: "created", reason: "confirmed on the homeserver after a restart", eraseCsvPassword: true });
      await auditRow(run, "user.create", row, "ok");
      run.snapshot.ids.add(row.userId!);
    } else if (row.attempt === "update" && current && row.changes && updateLanded(row.parsed, current, JSON.parse(row.changes) as Change[])) {
      await run.finish(row.id, { status: "updated", reason: "confirmed on the homeserver after a restart", eraseCsvPassword: true });
      await auditRow(run, "user.update", row, "ok");
    } else {
      if (current) run.snapshot.details.set(row.userId!, current);
      else run.snapshot.ids.delete(row.userId!);
      again.push(row.id);
    }
  }
  await resetRowsToPending(again);
}

/**
 * Synapse ignores `deactivated` and `locked` when it creates a user, so a new user that the file wants
 * deactivated or locked gets a second call; it is idempotent, and a restart before it is caught by the
 * in-flight check (the row stays in flight until this is done).
 */
async function applyCreateOnlyFlags(run: JobRun, row: StoredRow, current: ExistingUser | null | undefined): Promise<void> {
  const want: Record<string, boolean> = {};
  if (row.parsed.deactivated === true && !current?.deactivated) want.deactivated = true;
  if (row.parsed.locked === true && !current?.locked) want.locked = true;
  if (Object.keys(want).length === 0) return;
  await run.retrying(
    () => putImportUser(run.creds, row.userId!, want),
    async () => {
      const u = await getImportUser(run.creds, row.userId!);
      return u && (!want.deactivated || u.deactivated) && (!want.locked || u.locked) ? "updated" : null;
    },
  );
}

function existingOf(run: JobRun, userId: string): ExistingUser | undefined {
  if (!run.snapshot.ids.has(userId)) return undefined;
  return run.snapshot.details.get(userId) ?? { displayname: null, admin: false, deactivated: false, locked: false, userType: null, avatarUrl: null };
}

/** Update mode compares threepids too, which the user list does not show: fetch them for those rows only. */
async function decideRow(run: JobRun, row: StoredRow): Promise<Decision> {
  let existing = existingOf(run, row.userId!);
  if (existing && run.job.options.conflict === "update" && row.parsed.threepids !== undefined && existing.threepids === undefined) {
    existing = (await run.retrying(() => getImportUser(run.creds, row.userId!))) ?? undefined;
  }
  return decide(row.parsed, existing, run.job.options);
}

/** Rows that only need skipping are recorded a page at a time (a big re-import of existing users stays fast). */
async function skipInBulk(run: JobRun, page: StoredRow[]): Promise<StoredRow[]> {
  const keep: StoredRow[] = [];
  const skips = new Map<string, number[]>();
  for (const row of page) {
    const existing = existingOf(run, row.userId!);
    const needsFetch = existing && run.job.options.conflict === "update" && row.parsed.threepids !== undefined;
    const d = existing && !needsFetch ? decide(row.parsed, existing, run.job.options) : null;
    if (d?.kind !== "skip") {
      keep.push(row);
      continue;
    }
    const ids = skips.get(d.reason) ?? [];
    ids.push(row.id);
    skips.set(d.reason, ids);
  }
  for (const [reason, ids] of skips) await run.finishMany(ids, { status: "skipped", reason, eraseCsvPassword: true });
  return keep;
}

/** Hands out pending rows in file order; a row that must stop the job (conflict mode "stop") ends the dispatch. */
function dispatcher(run: JobRun) {
  let buffer: StoredRow[] = [];
  let index = 0;
  let afterLine = 0;
  let lock: Promise<unknown> = Promise.resolve();
  const next = async (): Promise<StoredRow | null> => {
    await run.pollCancel();
    if (run.stopDispatch || run.halted || run.cancelled) return null;
    while (index >= buffer.length) {
      const page = (await rowsAfterLine(run.job.id, ["pending"], afterLine, PAGE)).map(parseRow);
      if (page.length === 0) return null;
      afterLine = page[page.length - 1].line;
      buffer = await skipInBulk(run, page);
      index = 0;
    }
    const row = buffer[index++];
    if (run.job.options.conflict === "stop" && run.snapshot.ids.has(row.userId!)) {
      run.stopDispatch = true;
      run.stopMessage = `Stopped at line ${row.line}: ${row.userId} already exists (conflict mode: stop).`;
    }
    return row;
  };
  return (): Promise<StoredRow | null> => {
    const p = lock.then(next);
    lock = p.catch(() => undefined);
    return p;
  };
}

async function processPending(run: JobRun): Promise<void> {
  const next = dispatcher(run);
  const worker = async () => {
    try {
      for (let row = await next(); row; row = await next()) await executeRow(run, row);
    } catch (e) {
      run.halted = true;
      throw e;
    }
  };
  const workers = Array.from({ length: run.job.options.concurrency }, worker);
  const results = await Promise.allSettled(workers);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
}

async function executeRow(run: JobRun, row: StoredRow): Promise<void> {
  const userId = row.userId!;
  let d: Decision;
  try {
    d = await decideRow(run, row);
  } catch (e) {
    if (e instanceof JobPaused || e instanceof JobCancelled) throw e;
    await run.finish(row.id, { status: "failed", reason: describeError(e).message });
    return;
  }
  if (d.kind === "skip") {
    await run.finish(row.id, { status: "skipped", reason: d.reason, eraseCsvPassword: true });
    return;
  }
  if (d.kind === "stop") {
    await run.finish(row.id, { status: "failed", reason: d.reason });
    return;
  }
  const body = { ...d.body };
  let sealedGenerated: string | null = null;
  const pw = d.kind === "create" ? passwordForCreate(run.job.options.passwords, row.parsed.hasPassword === true) : d.changes.some((c) => c.field === "password") ? "csv" : "none";
  if (pw === "csv" && !row.csvPassword) {
    await run.finish(row.id, { status: "failed", reason: "The file's password for this row was purged. Upload the file again." });
    return;
  }
  try {
    if (pw === "csv") body.password = unseal(row.csvPassword!, "import-password");
  } catch {
    await run.finish(row.id, { status: "failed", reason: "The file's password for this row cannot be decrypted (the portal's SESSION_SECRET changed). Upload the file again." });
    return;
  }
  // Checked at upload too; checked again in case Synapse's policy changed since.
  const violation = pw === "csv" ? checkPasswordPolicy(run.policy, body.password as string) : null;
  if (violation) {
    await run.finish(row.id, { status: "failed", reason: `password: ${describePolicyViolation(violation)}`, eraseCsvPassword: true });
    return;
  }
  if (pw === "generate") {
    const generated = generatePassword(run.policy);
    body.password = generated;
    sealedGenerated = seal(generated, "import-password");
  }
  const changes = d.kind === "update" ? JSON.stringify(d.changes) : JSON.stringify(fieldsSet(body));
  // Recorded before the call: a crash from here on is resolved by looking at the user on Synapse.
  await markRowInFlight(row.id, d.kind, { generatedPassword: sealedGenerated, changes });
  const action = d.kind === "create" ? "user.create" : "user.update";
  try {
    const outcome = await run.retrying(
      // Not aborted by a cancel: a request that reached Synapse must get its answer recorded.
      () => putImportUser(run.creds, userId, body),
      async () => {
        const current = await getImportUser(run.creds, userId);
        if (d.kind === "create") return current ? "created" : null;
        return current && updateLanded(row.parsed, current, d.changes) ? "updated" : null;
      },
    );
    run.snapshot.ids.add(userId);
    if (d.kind === "create") await applyCreateOnlyFlags(run, row, undefined);
    const reason = d.kind === "create" && outcome === "updated" ? "the user appeared on the server after the check, so it was updated" : null;
    await run.finish(row.id, { status: outcome, reason, eraseCsvPassword: true });
    await auditRow(run, action, row, "ok", d.kind === "update" ? d.changes.map((c) => c.field) : Object.keys(body));
  } catch (e) {
    if (e instanceof JobPaused || e instanceof JobCancelled) throw e;
    const ui = describeError(e);
    if (ui.code === "UNEXPECTED") console.error(`[portal] import job ${run.job.id} line ${row.line}:`, e instanceof Error ? e.stack : e);
    // The call was refused, so nothing was set: the generated password is of no use.
    await run.finish(row.id, { status: "failed", reason: ui.message, generatedPassword: null });
    await auditRow(run, action, row, e instanceof SynapseError ? e.errcode : ui.code, undefined, ui.message);
  }
}

function fieldsSet(body: Record<string, unknown>): Change[] {
  const column: Record<string, string> = { user_type: "user_type", avatar_url: "avatar_url" };
  return Object.entries(body).map(([k, v]) => ({
    field: column[k] ?? k,
    from: null,
    to: k === "password" ? "(password)" : k === "threepids" ? (v as { medium: string; address: string }[]).map((t) => `${t.medium}:${t.address}`).join(";") : String(v),
  }));
}

async function auditRow(run: JobRun, action: string, row: StoredRow, outcome: string, fields?: string[], message?: string): Promise<void> {
  await record(
    { actor: run.job.actor, homeserver: run.job.homeserver },
    { action, target: row.userId, params: { importJob: run.job.id, line: row.line, ...(fields ? { fields } : {}) } },
    outcome,
    message,
  );
}

/** Decides every row without changing anything on Synapse; outcomes are written in batches. */
async function dryRun(run: JobRun): Promise<void> {
  const jobId = run.job.id;
  let stoppedAt: number | null = null;
  for (let after = 0; ; ) {
    await run.pollCancel();
    if (run.cancelled) throw new JobCancelled("cancelled");
    const page = (await rowsAfterLine(jobId, ["pending"], after, 2000, false)).map(parseRow);
    if (page.length === 0) break;
    after = page[page.length - 1].line;
    const same = new Map<string, { status: RowStatus; reason: string | null; ids: number[] }>();
    const individual: { id: number; outcome: RowOutcome }[] = [];
    const group = (status: RowStatus, reason: string | null, id: number) => {
      const key = `${status}\0${reason}`;
      const g = same.get(key) ?? { status, reason, ids: [] };
      g.ids.push(id);
      same.set(key, g);
    };
    for (const row of page) {
      if (stoppedAt !== null) {
        group("not-run", `the job would have stopped at line ${stoppedAt}`, row.id);
        continue;
      }
      const d = await decideRow(run, row);
      if (d.kind === "create") {
        const pw = passwordForCreate(run.job.options.passwords, row.parsed.hasPassword === true);
        group("would-create", pw === "generate" ? "with a generated password" : pw === "csv" ? "with the file's password" : "without a password", row.id);
      } else if (d.kind === "update") individual.push({ id: row.id, outcome: { status: "would-update", changes: JSON.stringify(d.changes) } });
      else if (d.kind === "skip") group("would-skip", d.reason, row.id);
      else {
        group("would-stop", d.reason, row.id);
        stoppedAt = row.line;
        run.stopMessage = `A real run would stop at line ${row.line}: ${row.userId} already exists (conflict mode: stop).`;
      }
    }
    await run.finishEach(individual);
    for (const g of same.values()) await run.finishMany(g.ids, { status: g.status, reason: g.reason });
  }
}

async function finish(run: JobRun): Promise<void> {
  const job = run.job;
  const cancelled = run.cancelled;
  await finishRowsInStatus(job.id, ["pending"], "not-run");
  await settleInFlight(run);
  const status = cancelled ? "cancelled" : run.stopDispatch && !job.dryRun ? "stopped" : "completed";
  const fresh = await getImportJob(job.id);
  const finishedAt = new Date();
  await dropCredential(fresh ?? job);
  await transitionImportJob(job.id, ["running", "cancelling", "queued"], {
    status,
    finishedAt,
    durationMs: finishedAt.getTime() - (fresh?.startedAt ?? job.createdAt).getTime(),
    message: cancelled ? "Cancelled; the rows in flight were finished first." : run.stopMessage,
    cancelRequested: false,
  });
  const counts = await countImportRows(job.id);
  await record(
    { actor: job.actor, homeserver: job.homeserver },
    { action: job.dryRun ? "import.dry-run-finish" : "import.finish", target: job.fileName, params: { importJob: job.id, status, counts } },
    status === "completed" ? "ok" : status,
  );
}

/** A cancel during an outage can leave a row whose call may or may not have landed: look once, or say so. */
async function settleInFlight(run: JobRun): Promise<void> {
  for (const row of (await rowsInStatus(run.job.id, "in-flight")).map(parseRow)) {
    const current = await getImportUser(run.creds, row.userId!).catch(() => undefined);
    if (current === undefined) {
      await run.finish(row.id, { status: "failed", reason: "The homeserver did not answer before the job was cancelled, so it is unknown whether this user was changed. Check the user." });
    } else if (row.attempt === "create" && current) {
      await applyCreateOnlyFlags(run, row, current).catch(() => undefined);
      await run.finish(row.id, { status: "created", eraseCsvPassword: true });
    } else if (row.attempt === "update" && current && row.changes && updateLanded(row.parsed, current, JSON.parse(row.changes) as Change[])) {
      await run.finish(row.id, { status: "updated", eraseCsvPassword: true });
    } else {
      await run.finish(row.id, { status: "not-run", generatedPassword: null });
    }
  }
}

async function pause(job: ImportJobRecord, message: string, eraseCredential: boolean): Promise<void> {
  if (eraseCredential) await dropCredential(job);
  await transitionImportJob(job.id, ["queued", "running", "cancelling"], { status: "paused", message });
  await record({ actor: job.actor, homeserver: job.homeserver }, { action: "import.pause", target: job.fileName, params: { importJob: job.id } }, "paused", message);
}
