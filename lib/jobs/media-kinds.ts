import "server-only";
import { record } from "@/lib/audit/record";
import { forHomeserver, LeaseLost, type PurgeKind } from "@/lib/db/tenant";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { describeError } from "@/lib/synapse/describe-error";
import { isSessionEnded, SynapseError } from "@/lib/synapse/errors";
import { deleteAllUserMedia, deleteMediaByDate, purgeRemoteMediaCache } from "@/lib/synapse/media";
import { scanMediaForDeletion, type DeletionFilters } from "@/lib/synapse/media-preview";
import { isTransient } from "./import-run";
import { PauseJob, type JobEnd, type JobKind, type RunningJob } from "./job-driver";
import { JobState, purgeRecordFor } from "./job-state";
import { jobAuditContext } from "./jobs";
import { msg } from "@/lib/i18n/message";

/**
 * The long media jobs on the job runtime: deletion by date, deletion of all of a user's media, and the
 * remote cache purge. Each keeps one PurgeRecord as its history row (made on the first run, found again by
 * a later one) that gets the final counts, and one audit entry with the real outcome.
 *
 * A run may be repeated from the start after a takeover (its owner died) or a restart. Each job is
 * idempotent on Synapse, so that is safe: a delete-by-date or a purge run again deletes only what is left,
 * and the user-media loop deletes the page now first in the list. The counts are kept in the job's result
 * after every Synapse call; only files deleted by the call an owner died in are missing from them.
 */

export type MediaJobResult = { purgeRecord?: number; filesDeleted: number; bytesFreed: number | null };
type Spec = { kind: PurgeKind; target: string | null; scope: Record<string, unknown> };
type Work = (creds: SynapseCredentials, state: JobState<MediaJobResult>) => Promise<void>;

const SESSION_ENDED = msg("media.jobs.sessionEnded");

async function runMediaJob(job: RunningJob, spec: Spec, work: Work): Promise<JobEnd> {
  const state = new JobState<MediaJobResult>(job, { filesDeleted: 0, bytesFreed: 0, ...(job.job.result as MediaJobResult | null) });
  await state.write({ phase: "starting" }); // fenced: an instance that lost the job stops before the history row
  const row = await purgeRecordFor(job, spec.kind, spec.target, spec.scope);
  state.result.purgeRecord = row.id;
  const purges = forHomeserver(job.job.homeserver).purges;
  const audit = (outcome: string, message?: string) =>
    record(jobAuditContext(job.job), { action: spec.kind, target: spec.target, params: { ...spec.scope, purgeRecord: row.id, job: job.job.id } }, outcome, message);
  const counts = () => ({ filesDeleted: state.result.filesDeleted, bytesFreed: state.result.bytesFreed });
  if (row.status !== "running") {
    // An owner that died after finishing the history row: its outcome stands.
    return { status: row.status === "ok" ? "completed" : "failed", message: row.error, result: { ...state.result, filesDeleted: row.filesDeleted ?? 0, bytesFreed: row.bytesFreed } };
  }
  try {
    await work(job.creds!, state);
  } catch (e) {
    if (e instanceof LeaseLost || job.interrupted()) throw e;
    if (isSessionEnded(e)) throw new PauseJob(SESSION_ENDED, true);
    const ui = describeError(e);
    // Unreachable or overloaded: the history row stays open, Resume runs the job again (idempotent, see above).
    if (isTransient(e)) throw new PauseJob(msg("media.jobs.pausedTransient", { reason: ui.message }));
    if (ui.code === "UNEXPECTED") console.error(`[portal] media job ${job.job.id} failed:`, e instanceof Error ? e.stack : e);
    await purges.finish(row.id, { status: "failed", filesDeleted: state.result.filesDeleted || null, bytesFreed: state.result.bytesFreed || null, error: ui.message });
    await audit(e instanceof SynapseError ? e.errcode : ui.code, ui.message);
    return { status: "failed", message: ui.message, result: state.result };
  }
  if (job.interrupted()) return { status: "stopped" }; // not recorded: the next owner goes on
  if (job.cancelled()) {
    const error = msg("media.jobs.cancelled", { count: state.result.filesDeleted });
    await purges.finish(row.id, { status: "failed", ...counts(), error });
    await audit("CANCELLED", error);
    return { status: "stopped", message: error, result: state.result };
  }
  await purges.finish(row.id, { status: "ok", ...counts() });
  await audit("ok");
  return { status: "completed", result: state.result };
}

const SCAN_BUDGET_MS = 10 * 60 * 1000;

export type DeleteByDateParams = { localServer: string; filters: DeletionFilters };

export const deleteByDateScope = (f: DeletionFilters) => ({ ...f, beforeIso: new Date(f.beforeTs).toISOString() });

/** Synapse's delete-by-date; the sizes come from a scan just before, since Synapse returns only ids. */
export const deleteByDateKind: JobKind = {
  kind: "media.delete-by-date",
  needsCredential: true,
  run(job) {
    const { localServer, filters } = job.job.params as DeleteByDateParams;
    return runMediaJob(job, { kind: "media.delete-by-date", target: null, scope: deleteByDateScope(filters) }, async (creds, state) => {
      await state.write({ phase: "measuring" });
      const scan = await scanMediaForDeletion(creds, localServer, filters, { budgetMs: SCAN_BUDGET_MS });
      if (job.cancelled() || job.interrupted()) return;
      await state.write({ phase: "deleting", total: state.result.filesDeleted + scan.files });
      // Run again after a takeover, this deletes what the dead owner's call left (none, if it got through).
      const deleted = await deleteMediaByDate(creds, filters);
      state.result.filesDeleted += deleted.length;
      state.result.bytesFreed = (state.result.bytesFreed ?? 0) + deleted.reduce((s, id) => s + (scan.sizeById.get(id) ?? 0), 0);
      await state.write({ done: state.result.filesDeleted });
    });
  },
};

/** Deletes every file a user uploaded (deleteAllUserMedia). After a takeover it starts again: nothing is deleted twice. */
export const deleteUserMediaKind: JobKind = {
  kind: "media.delete-user-media",
  needsCredential: true,
  run(job) {
    const { userId } = job.job.params as { userId: string };
    return runMediaJob(job, { kind: "media.delete-user-media", target: userId, scope: { userId } }, async (creds, state) => {
      await state.write({ phase: "deleting" });
      await deleteAllUserMedia(creds, userId, () => !job.cancelled() && !job.interrupted(), async (page) => {
        state.result.filesDeleted += page.deleted;
        state.result.bytesFreed = (state.result.bytesFreed ?? 0) + page.bytes;
        await state.write({ done: state.result.filesDeleted, total: state.result.filesDeleted + page.left });
      });
    });
  },
};

/** Remote media is fetched again from its home server when someone opens it. Synapse reports a count only. */
export const purgeRemoteCacheKind: JobKind = {
  kind: "media.purge-remote-cache",
  needsCredential: true,
  run(job) {
    const { beforeTs } = job.job.params as { beforeTs: number };
    return runMediaJob(job, { kind: "media.purge-remote-cache", target: null, scope: { beforeTs, beforeIso: new Date(beforeTs).toISOString() } }, async (creds, state) => {
      state.result.bytesFreed = null;
      await state.write({ phase: "purging" });
      const n = await purgeRemoteMediaCache(creds, beforeTs);
      state.result.filesDeleted += n;
      await state.write({ done: state.result.filesDeleted });
    });
  },
};
