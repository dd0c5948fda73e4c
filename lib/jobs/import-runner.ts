/**
 * The durable CSV import worker, driven by the job runtime (lib/jobs/runtime.ts) through the "importJob"
 * lease table: whichever portal instance holds a job's lease runs it, and every fact is in the database as
 * it happens, every write fenced by the lease:
 *
 * - a row is marked "in-flight" (with its sealed generated password) BEFORE its PUT and gets its outcome
 *   after it, so after a crash, a takeover or a lost answer the row's user is looked up on Synapse before
 *   anything is sent again: no user is created or updated twice;
 * - existing users come from one pass over the user list, never one request per row;
 * - rows run in file order with bounded concurrency; 429s wait `retry_after_ms`, network errors and 5xx
 *   back off and retry, and a long outage pauses the job visibly instead of failing rows;
 * - a dead credential (the admin signed out and the job runs on the session's token) pauses the job until
 *   an admin presses Resume;
 * - cancel is seen through the lease watch (the signal's reason "cancel"); on shutdown or a lost lease the
 *   rows in flight finish and the run ends recording nothing more: the next owner goes on from the rows.
 */
import "server-only";
import { msg } from "@/lib/i18n/message";
import { record } from "@/lib/audit/record";
import { deleteStaleUploads, getImportJob } from "@/lib/db/import-jobs";
import { countImportRows, rowKeysAfterLine, rowsAfterLine, rowsById } from "@/lib/db/import-rows";
import { finishRowsInStatusFenced, setRowUserIds } from "@/lib/db/import-row-writes";
import { LeaseLost } from "@/lib/db/jobs";
import { snapshotUsers } from "@/lib/synapse/import-users";
import { getPasswordPolicy } from "@/lib/synapse/password-policy";
import { mapPool, sleep } from "@/lib/pool";
import { applyRow } from "./import-apply-row";
import { credentialOf, dropCredential } from "./import-credential";
import { dryRun } from "./import-dry-run";
import { settleInFlight } from "./import-landed";
import { decide, generateLocalpart } from "./import-plan";
import { existingOf, JobPaused, JobRun, parseRow, type StoredRow } from "./import-run";
import { ACTIVE_STATUSES, markCrashed, markEnded, markPaused, markRunning } from "./import-status";
import { jobRuntime, JobStopped, type Driver, type RunControl } from "./runtime";
import { importAuditContext } from "@/lib/audit/person";

const PAGE = 500;
/** An upload still "uploading" after this long was cut off by a crash (a live one is much faster). */
const STALE_UPLOAD_MS = 10 * 60 * 1000;

/** The runtime's driver for import jobs (registered in lib/jobs/boot.ts). */
export const importDriver: Driver = { table: "importJob", run: runImport };

async function runImport(ctl: RunControl): Promise<void> {
  try {
    await execute(ctl);
  } catch (e) {
    if (e instanceof LeaseLost || e instanceof JobStopped) return;
    console.error(`[portal] import job ${ctl.lease.id} crashed:`, e instanceof Error ? e.stack : e);
    await markCrashed(ctl.lease).catch(() => undefined);
  }
}

/** On server start: drop uploads a crash interrupted (the runtime claims the unfinished jobs themselves). */
export async function dropStaleUploads(): Promise<number> {
  return deleteStaleUploads(STALE_UPLOAD_MS);
}

/** Tests and benchmarks: resolves once the job is no longer queued, running or cancelling, and not run here. */
export async function waitForImport(jobId: number, pollMs = 100): Promise<void> {
  for (;;) {
    await jobRuntime().settled("importJob", jobId);
    const job = await getImportJob(jobId);
    if (!job || (!ACTIVE_STATUSES.includes(job.status) && !jobRuntime().running("importJob").includes(jobId))) return;
    await sleep(pollMs);
  }
}

async function execute(ctl: RunControl): Promise<void> {
  const { lease } = ctl;
  const job = await getImportJob(lease.id);
  if (!job || !ACTIVE_STATUSES.includes(job.status)) return;
  const creds = credentialOf(job);
  if (!creds) {
    await markPaused(lease, job, msg("import.jobMessages.noCredential"), true);
    return;
  }
  await markRunning(lease, job);
  const run = new JobRun(job, creds, ctl);
  try {
    await prepare(run);
    await settleInFlight(run, "start");
    if (!run.cancelled && !run.interrupted) {
      if (job.dryRun) await dryRun(run);
      else await processPending(run);
    }
  } catch (e) {
    if (e instanceof LeaseLost || run.interrupted) return;
    if (e instanceof JobPaused) {
      await markPaused(lease, job, e.message, e.eraseCredential);
      return;
    }
    if (!run.cancelled) throw e;
  }
  // Shutdown or a lost lease: the next owner carries on (rows in flight are looked up on Synapse first).
  if (run.interrupted) return;
  await finish(run);
}

/** Existing users (one pass over the user list) and ids generated from display names, fixed in the rows. */
async function prepare(run: JobRun): Promise<void> {
  const jobId = run.job.id;
  const inFile = new Set<string>();
  const needIds: number[] = [];
  for (let after = 0; ; ) {
    const page = await rowKeysAfterLine(jobId, ["pending", "in-flight"], after, 2000);
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
  for (let i = 0; i < updates.length; i += 500) await setRowUserIds(run.lease, updates.slice(i, i + 500));
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
  const ended = () => run.stopDispatch || run.halted || run.cancelled || run.interrupted;
  for (let afterLine = 0; !ended(); ) {
    const page = (await rowsAfterLine(run.job.id, ["pending"], afterLine, PAGE)).map(parseRow);
    if (page.length === 0) return;
    afterLine = page[page.length - 1].line;
    for (const row of await skipInBulk(run, page)) {
      if (ended()) return;
      if (run.job.options.conflict === "stop" && run.snapshot.ids.has(row.userId!)) {
        run.stopDispatch = true;
        run.stopMessage = msg("import.jobMessages.stoppedAt", { line: String(row.line), userId: row.userId! });
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
    () => run.halted || run.cancelled || run.interrupted,
  );
}

async function finish(run: JobRun): Promise<void> {
  const job = run.job;
  const cancelled = run.cancelled;
  await finishRowsInStatusFenced(run.lease, ["pending"], "not-run");
  await settleInFlight(run, "end");
  const status = cancelled ? "cancelled" : run.stopDispatch && !job.dryRun ? "stopped" : "completed";
  const fresh = await getImportJob(job.id);
  await dropCredential(fresh ?? job, run.lease);
  await markEnded(run.lease, fresh ?? job, status, cancelled ? msg("import.jobMessages.cancelledAfterInFlight") : run.stopMessage);
  const counts = await countImportRows(job.id);
  await record(
    importAuditContext(job),
    { action: job.dryRun ? "import.dry-run-finish" : "import.finish", target: job.fileName, params: { importJob: job.id, status, counts } },
    status === "completed" ? "ok" : status,
  );
}
