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
import { deleteImportJob, getImportJob, importJobsInStatus } from "@/lib/db/import-jobs";
import { countImportRows, finishRowsInStatus, rowKeysAfterLine, rowsAfterLine, rowsById, setRowUserIds } from "@/lib/db/import-rows";
import { snapshotUsers } from "@/lib/synapse/import-users";
import { getPasswordPolicy } from "@/lib/synapse/password-policy";
import { mapPool } from "@/lib/pool";
import { applyRow } from "./import-apply-row";
import { credentialOf, dropCredential } from "./import-credential";
import { dryRun } from "./import-dry-run";
import { settleInFlight } from "./import-landed";
import { decide, generateLocalpart } from "./import-plan";
import { existingOf, importRegistry as registry, JobCancelled, JobPaused, JobRun, parseRow, type StoredRow } from "./import-run";
import { ACTIVE_STATUSES, markCrashed, markEnded, markPaused, markRunning } from "./import-status";

const PAGE = 500;

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
  const handle = { jobId, cancel: () => ac.abort(new JobCancelled("cancelled")), done };
  registry.running.set(jobId, handle);
  registry.finishedPerSecond.set(jobId, new Map());
  void (async () => {
    try {
      await execute(jobId, ac);
    } catch (e) {
      console.error(`[portal] import job ${jobId} crashed:`, e instanceof Error ? e.stack : e);
      await markCrashed(jobId).catch(() => undefined);
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
  const jobs = await importJobsInStatus(ACTIVE_STATUSES);
  for (const j of jobs) runImportJob(j.id);
  return jobs.map((j) => j.id);
}

async function execute(jobId: number, ac: AbortController): Promise<void> {
  const job = await getImportJob(jobId);
  if (!job || !ACTIVE_STATUSES.includes(job.status)) return;
  if (job.cancelRequested) ac.abort(new JobCancelled("cancelled"));
  const creds = credentialOf(job);
  if (!creds) {
    await markPaused(job, "Paused: the job has no usable credential (the portal restarted with another SESSION_SECRET, or the session ended). Press Resume to continue with your session.", true);
    return;
  }
  await markRunning(job);
  const run = new JobRun(job, creds, ac);
  try {
    await prepare(run);
    await settleInFlight(run, "start");
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
      await markPaused(job, e.message, e.eraseCredential);
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

/** Pending rows in file order, one at a time; a row that must stop the job (conflict mode "stop") ends them. */
async function* pendingRows(run: JobRun): AsyncGenerator<StoredRow[]> {
  const ended = async () => (await run.pollCancel(), run.stopDispatch || run.halted || run.cancelled);
  for (let afterLine = 0; !(await ended()); ) {
    const page = (await rowsAfterLine(run.job.id, ["pending"], afterLine, PAGE)).map(parseRow);
    if (page.length === 0) return;
    afterLine = page[page.length - 1].line;
    for (const row of await skipInBulk(run, page)) {
      if (await ended()) return;
      if (run.job.options.conflict === "stop" && run.snapshot.ids.has(row.userId!)) {
        run.stopDispatch = true;
        run.stopMessage = `Stopped at line ${row.line}: ${row.userId} already exists (conflict mode: stop).`;
      }
      yield [row];
    }
  }
}

/** Rows run with the job's concurrency; a job-level failure (pause) lets the rows in flight finish, then ends the run. */
async function processPending(run: JobRun): Promise<void> {
  await mapPool(
    pendingRows(run),
    run.job.options.concurrency,
    async (row) => {
      try {
        await applyRow(run, row);
      } catch (e) {
        run.halted = true;
        throw e;
      }
    },
    () => run.halted || run.cancelled,
  );
}

async function finish(run: JobRun): Promise<void> {
  const job = run.job;
  const cancelled = run.cancelled;
  await finishRowsInStatus(job.id, ["pending"], "not-run");
  await settleInFlight(run, "end");
  const status = cancelled ? "cancelled" : run.stopDispatch && !job.dryRun ? "stopped" : "completed";
  const fresh = await getImportJob(job.id);
  await dropCredential(fresh ?? job);
  await markEnded(fresh ?? job, status, cancelled ? "Cancelled; the rows in flight were finished first." : run.stopMessage);
  const counts = await countImportRows(job.id);
  await record(
    { actor: job.actor, homeserver: job.homeserver },
    { action: job.dryRun ? "import.dry-run-finish" : "import.finish", target: job.fileName, params: { importJob: job.id, status, counts } },
    status === "completed" ? "ok" : status,
  );
}
