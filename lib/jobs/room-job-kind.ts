import "server-only";
import { forHomeserver, type JobItemRecord, type PurgeKind } from "@/lib/db/tenant";
import { mapPool, sleep } from "@/lib/pool";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { describeError } from "@/lib/synapse/describe-error";
import { isSessionEnded } from "@/lib/synapse/errors";
import { findRoomTaskSince, type TaskPhase } from "@/lib/synapse/room-task-api";
import { msg } from "@/lib/i18n/message";
import { isTransient } from "./import-run";
import { PauseJob, type JobEnd, type RunningJob } from "./job-driver";
import { JobState, purgeRecordFor } from "./job-state";

/**
 * What room deletes and history purges share on the job runtime: one item per room, each started in
 * Synapse once and followed until Synapse says it ended. The Synapse task id is kept in the room's
 * PurgeRecord (the history row, one per room); the per-room phase and details are in the job's result
 * (the progress panel reads them), the item holds the outcome.
 *
 * Exactly once: the item goes "in-flight" before the start is sent. A run that finds an item in flight
 * with no task id stored (its owner died between sending the start and storing the id) looks the task
 * up on Synapse (findRoomTaskSince) and adopts it; only when Synapse has none is it started again.
 */

export type RoomJobPhase = "queued" | "scheduled" | "active" | "complete" | "failed";
export type RoomOutcome = {
  status: "running" | "ok" | "failed";
  phase: RoomJobPhase;
  error: string | null;
  record: number;
  kickedUsers?: string[];
  failedToKickUsers?: string[];
  localAliases?: string[];
  newRoomId?: string | null;
};
export type RoomJobResult = { rooms: Record<string, RoomOutcome> };

export type TaskStatus = { phase: TaskPhase; error: string | null; details?: Partial<RoomOutcome> };

export type RoomTaskSpec = {
  kind: PurgeKind & ("room.delete" | "room.purge-history");
  task: "delete" | "purge-history";
  /** Rooms worked on at once within one job. */
  concurrency: number;
  /** The history row's scope (the admin's options, no secrets). */
  scope: Record<string, unknown>;
  start(creds: SynapseCredentials, roomId: string): Promise<string>;
  /** null when Synapse no longer knows the task. */
  status(creds: SynapseCredentials, taskId: string): Promise<TaskStatus | null>;
  unknownTask: string;
  failed: string;
};

const POLL_FIRST_MS = 500;
const POLL_MAX_MS = 5_000;
const ERROR_BACKOFF_MAX_MS = 30_000;
/** Starts tried while Synapse cannot be reached (about five minutes with the backoff). */
const START_ATTEMPTS = 14;
/** Synapse's clock against the portal's: a task stamped a little before the record was written is ours. */
const CLOCK_SLACK_MS = 5_000;

const SESSION_ENDED = msg("rooms.jobs.sessionEnded");

export async function runRoomTasks(job: RunningJob, spec: RoomTaskSpec): Promise<JobEnd> {
  const creds = job.creds!;
  const state = new JobState<RoomJobResult>(job, { rooms: {}, ...(job.job.result as RoomJobResult | null) });
  await state.write({ phase: spec.task === "delete" ? "deleting" : "purging" });
  async function* pages(): AsyncGenerator<JobItemRecord[]> {
    for (let after = -1; ; ) {
      const page = await job.items(["pending", "in-flight"], after, 20);
      if (page.length === 0) return;
      after = page[page.length - 1].seq;
      yield page;
    }
  }
  await mapPool(pages(), spec.concurrency, (item) => runRoom(job, spec, state, creds, item), () => job.cancelled() || job.interrupted());
  const counts = await state.counts();
  const failedAll = counts.failed > 0 && counts.failed === counts.ok + counts.failed;
  return {
    status: failedAll ? "failed" : "completed",
    message: counts.failed === 0 ? null : failedAll && counts.failed === 1 ? firstError(state.result) : msg("rooms.jobs.someFailed", { failed: counts.failed, total: counts.ok + counts.failed }),
  };
}

function firstError(r: RoomJobResult): string | null {
  return Object.values(r.rooms).find((o) => o.status === "failed")?.error ?? null;
}

async function runRoom(job: RunningJob, spec: RoomTaskSpec, state: JobState<RoomJobResult>, creds: SynapseCredentials, item: JobItemRecord): Promise<void> {
  const roomId = item.key;
  const purges = forHomeserver(job.job.homeserver).purges;
  const wasInFlight = item.status === "in-flight";
  // Before anything is sent to Synapse (fenced: an instance that lost the job stops here).
  if (!wasInFlight) await job.setItem(item.id, "in-flight");
  const record = await purgeRecordFor(job, spec.kind, roomId, spec.scope);
  const set = (o: Partial<RoomOutcome>) => (state.result.rooms[roomId] = { status: "running", phase: "queued", error: null, ...(state.result.rooms[roomId] as RoomOutcome | undefined), ...o, record: record.id });

  if (record.status !== "running") {
    // Finished in the history by an owner that died before recording it on the item.
    set({ status: record.status === "ok" ? "ok" : "failed", phase: record.status === "ok" ? "complete" : "failed", error: record.error });
    return finishItem(job, state, item, record.status === "ok", record.error);
  }
  const end = async (ok: boolean, error: string | null, taskId?: string) => {
    stopIfInterrupted(job); // a shutdown or lost lease records nothing more: the next owner looks again
    set({ status: ok ? "ok" : "failed", phase: ok ? "complete" : "failed", error });
    await purges.finish(record.id, { status: ok ? "ok" : "failed", error, synapseTaskId: taskId ?? null });
    await finishItem(job, state, item, ok, error);
  };

  let taskId = record.synapseTaskId;
  for (let attempt = 1, mayBeStarted = wasInFlight; !taskId; attempt++, mayBeStarted = true) {
    try {
      if (mayBeStarted) taskId = await findRoomTaskSince(creds, spec.task, roomId, record.createdAt.getTime() - CLOCK_SLACK_MS);
      // Never with the signal: an aborted start would leave its outcome unknown.
      taskId ??= await spec.start(creds, roomId);
    } catch (e) {
      if (isSessionEnded(e)) throw new PauseJob(SESSION_ENDED, true);
      // Synapse's refusal: nothing was started. Unreachable or overloaded: the start may have gone
      // through, so look before trying again.
      if (!isTransient(e)) return end(false, describeError(e).message);
      if (attempt >= START_ATTEMPTS) return end(false, msg("rooms.jobs.mayHaveStarted", { reason: describeError(e).message, task: spec.task }));
      await pause(job, Math.min(ERROR_BACKOFF_MAX_MS, POLL_FIRST_MS * 2 ** attempt));
      continue;
    }
    await purges.setTaskId(record.id, taskId);
  }
  set({ phase: "scheduled" });
  await state.write({});

  let wait = POLL_FIRST_MS;
  let lastPhase: string | null = null;
  for (;;) {
    await pause(job, wait);
    wait = Math.min(POLL_MAX_MS, Math.round(wait * 1.5));
    let s: TaskStatus | null;
    try {
      s = await spec.status(creds, taskId);
    } catch (e) {
      if (isSessionEnded(e)) throw new PauseJob(SESSION_ENDED, true);
      // Synapse restarting, a network blip, rate limiting: keep following, more slowly.
      wait = Math.min(ERROR_BACKOFF_MAX_MS, wait * 2);
      continue;
    }
    if (!s) return end(false, spec.unknownTask, taskId);
    set({ phase: s.phase, ...s.details });
    if (s.phase === "complete") return end(true, null, taskId);
    if (s.phase === "failed") return end(false, s.error ?? spec.failed, taskId);
    if (s.phase !== lastPhase) await state.write({});
    lastPhase = s.phase;
  }
}

function stopIfInterrupted(job: RunningJob): void {
  if (job.interrupted()) throw job.signal.reason;
}

/** Waits between polls. A shutdown or lost lease ends the wait (the next owner follows on); a cancel does
 *  not: the room in flight is followed to its end. */
async function pause(job: RunningJob, ms: number): Promise<void> {
  if (job.cancelled() && !job.interrupted()) return sleep(ms);
  try {
    await sleep(ms, job.signal);
  } catch (e) {
    if (job.interrupted()) throw e;
  }
}

async function finishItem(job: RunningJob, state: JobState<RoomJobResult>, item: JobItemRecord, ok: boolean, error: string | null): Promise<void> {
  await job.setItem(item.id, ok ? "ok" : "failed", error);
  await state.writeCounts();
}

