import "server-only";
import { forHomeserver, type PurgeRow } from "@/lib/db/tenant";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { describeError } from "@/lib/synapse/describe-error";
import { isSessionEnded } from "@/lib/synapse/errors";
import {
  findRoomTaskSince,
  getPurgeHistoryStatus,
  getRoomDeleteStatus,
  startPurgeHistory,
  startRoomDelete,
  type PurgeHistoryTarget,
  type RoomDeleteOptions,
} from "@/lib/synapse/room-tasks";

/**
 * Room deletes and history purges run in Synapse; this module follows them from the portal's server,
 * so the PurgeRecord gets its final status even when the admin closes the tab. Deletes go through a
 * per-homeserver queue with bounded concurrency (bulk deletes would otherwise all purge at once).
 * Tracking lives in this process and holds the token that started it; after a restart, or when that
 * token dies, the next admin page that calls resumeRoomJobs() picks up every record still "running".
 */

export type RoomJobKind = "room.delete" | "room.purge-history";
export const ROOM_JOB_KINDS: RoomJobKind[] = ["room.delete", "room.purge-history"];
/** queued: waiting for a slot (or for a restart to resume it); the rest are Synapse's task states. */
export type RoomJobPhase = "queued" | "scheduled" | "active" | "complete" | "failed";

export type RoomDeleteResult = { kickedUsers: string[]; failedToKickUsers: string[]; localAliases: string[]; newRoomId: string | null };

export type RoomJobView = {
  id: number;
  kind: RoomJobKind;
  roomId: string;
  status: "running" | "ok" | "failed";
  phase: RoomJobPhase;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  result: RoomDeleteResult | null;
};

export type JobContext = { actor: string; homeserver: string };

/** Room deletes running at once per homeserver. */
export const ROOM_DELETE_CONCURRENCY = 2;
const POLL_FIRST_MS = 500;
const POLL_MAX_MS = 5_000;
const ERROR_BACKOFF_MAX_MS = 30_000;
const KEEP_FINISHED_MS = 30 * 60_000;
const PURGE_START_GRACE_MS = 60_000;

type Tracker = {
  recordId: number;
  kind: RoomJobKind;
  roomId: string;
  homeserver: string;
  creds: SynapseCredentials;
  phase: RoomJobPhase;
  error: string | null;
  result: RoomDeleteResult | null;
  finishedAt: number | null;
  settled: Promise<void>;
  settle: () => void;
};

type Slots = { active: number; waiting: (() => void)[] };
type State = { trackers: Map<number, Tracker>; slots: Map<string, Slots> };

// On globalThis: Next may load this module more than once in one server process.
const KEY = Symbol.for("synapse-portal.room-jobs");
function state(): State {
  const g = globalThis as unknown as Record<symbol, State | undefined>;
  return (g[KEY] ??= { trackers: new Map(), slots: new Map() });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function track(row: Pick<PurgeRow, "id" | "kind" | "target" | "homeserver">, creds: SynapseCredentials): Tracker {
  const s = state();
  for (const [id, t] of s.trackers) if (t.finishedAt !== null && Date.now() - t.finishedAt > KEEP_FINISHED_MS) s.trackers.delete(id);
  let settle!: () => void;
  const settled = new Promise<void>((r) => (settle = r));
  const t: Tracker = {
    recordId: row.id,
    kind: row.kind as RoomJobKind,
    roomId: row.target ?? "",
    homeserver: row.homeserver,
    creds,
    phase: "queued",
    error: null,
    result: null,
    finishedAt: null,
    settled,
    settle,
  };
  s.trackers.set(row.id, t);
  return t;
}

async function acquireSlot(homeserver: string): Promise<() => void> {
  const s = state();
  let slots = s.slots.get(homeserver);
  if (!slots) s.slots.set(homeserver, (slots = { active: 0, waiting: [] }));
  const pool = slots;
  if (pool.active >= ROOM_DELETE_CONCURRENCY) await new Promise<void>((r) => pool.waiting.push(r));
  else pool.active++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = pool.waiting.shift();
    if (next) next(); // the slot passes straight to the next waiter
    else pool.active--;
  };
}

async function finish(t: Tracker, status: "ok" | "failed", error: string | null, taskId?: string) {
  t.phase = status === "ok" ? "complete" : "failed";
  t.error = error;
  await forHomeserver(t.homeserver).purges.finish(t.recordId, { status, error, synapseTaskId: taskId ?? null });
  t.finishedAt = Date.now();
  t.settle();
}

/** The token died: forget the tracker (the record stays running) so the next admin page resumes it. */
function drop(t: Tracker) {
  state().trackers.delete(t.recordId);
  t.settle();
}

/** Polls one Synapse task until it ends. Returns false if tracking had to stop (token gone). */
async function follow(t: Tracker, taskId: string): Promise<boolean> {
  let wait = POLL_FIRST_MS;
  for (;;) {
    try {
      if (t.kind === "room.delete") {
        const s = await getRoomDeleteStatus(t.creds, taskId);
        if (!s) return finish(t, "failed", "Synapse no longer knows this delete task, so its outcome is unknown. Check whether the room still exists.").then(() => true);
        t.phase = s.phase;
        t.result = { kickedUsers: s.kickedUsers, failedToKickUsers: s.failedToKickUsers, localAliases: s.localAliases, newRoomId: s.newRoomId };
        if (s.phase === "complete") return finish(t, "ok", null).then(() => true);
        if (s.phase === "failed") return finish(t, "failed", s.error ?? "Synapse reported that the delete failed.").then(() => true);
      } else {
        const s = await getPurgeHistoryStatus(t.creds, taskId);
        if (!s) return finish(t, "failed", "Synapse no longer knows this purge, so its outcome is unknown.").then(() => true);
        t.phase = s.phase;
        if (s.phase === "complete") return finish(t, "ok", null).then(() => true);
        if (s.phase === "failed") return finish(t, "failed", s.error ?? "Synapse reported that the purge failed.").then(() => true);
      }
      await sleep(wait);
      wait = Math.min(POLL_MAX_MS, Math.round(wait * 1.5));
    } catch (e) {
      if (isSessionEnded(e)) return false;
      // Synapse restarting, a network blip, rate limiting: keep following, more slowly.
      await sleep(Math.min(ERROR_BACKOFF_MAX_MS, (wait = wait * 2)));
    }
  }
}

function optionsFromScope(row: Pick<PurgeRow, "scope">): RoomDeleteOptions {
  const s = row.scope as { block?: boolean; purge?: boolean; forcePurge?: boolean; newRoomUserId?: string | null; newRoomName?: string; message?: string };
  return {
    block: Boolean(s.block),
    purge: s.purge !== false,
    forcePurge: Boolean(s.forcePurge),
    newRoom: s.newRoomUserId ? { userId: s.newRoomUserId, name: s.newRoomName || undefined, message: s.message || undefined } : undefined,
  };
}

async function runDelete(t: Tracker, row: Pick<PurgeRow, "scope" | "synapseTaskId" | "createdAt">): Promise<void> {
  const release = await acquireSlot(t.homeserver);
  try {
    let taskId = row.synapseTaskId;
    if (!taskId) {
      try {
        // A portal that stopped mid-request may already have started it: adopt that task instead.
        taskId = (await findRoomTaskSince(t.creds, "delete", t.roomId, row.createdAt.getTime() - 5_000)) ?? (await startRoomDelete(t.creds, t.roomId, optionsFromScope(row)));
        await forHomeserver(t.homeserver).purges.setTaskId(t.recordId, taskId);
      } catch (e) {
        if (isSessionEnded(e)) return drop(t);
        return await finish(t, "failed", describeError(e).message);
      }
    }
    t.phase = "scheduled";
    if (!(await follow(t, taskId))) drop(t);
  } catch (e) {
    // Only the portal's database can fail here; leave the record running for the next resume.
    console.error("[portal] room delete tracking failed:", e instanceof Error ? e.stack : e);
    drop(t);
  } finally {
    release();
  }
}

async function runPurge(t: Tracker, row: Pick<PurgeRow, "synapseTaskId" | "createdAt">): Promise<void> {
  try {
    let taskId = row.synapseTaskId;
    if (!taskId) {
      try {
        taskId = await findRoomTaskSince(t.creds, "purge-history", t.roomId, row.createdAt.getTime() - 5_000);
      } catch (e) {
        if (isSessionEnded(e)) return drop(t);
        throw e;
      }
      if (!taskId) {
        return await finish(t, "failed", "The portal stopped before Synapse accepted this purge, so nothing was purged. Start it again if it is still needed.");
      }
      await forHomeserver(t.homeserver).purges.setTaskId(t.recordId, taskId);
    }
    t.phase = "active";
    if (!(await follow(t, taskId))) drop(t);
  } catch (e) {
    console.error("[portal] history purge tracking failed:", e instanceof Error ? e.stack : e);
    drop(t);
  }
}

/**
 * Records one room delete per room (kind "room.delete") and queues them; returns the record ids at once.
 * Failures to start end up in each record, not here.
 */
export async function enqueueRoomDeletes(
  creds: SynapseCredentials,
  ctx: JobContext,
  roomIds: string[],
  options: RoomDeleteOptions,
): Promise<number[]> {
  const scope = {
    block: options.block,
    purge: options.purge,
    forcePurge: options.forcePurge,
    newRoomUserId: options.newRoom?.userId ?? null,
    newRoomName: options.newRoom?.name ?? "",
    message: options.newRoom?.message ?? "",
    ...(roomIds.length > 1 ? { bulk: roomIds.length } : {}),
  };
  const ids: number[] = [];
  for (const roomId of roomIds) {
    const id = await forHomeserver(ctx.homeserver).purges.start({ actor: ctx.actor, kind: "room.delete", target: roomId, scope });
    const row = { id, kind: "room.delete", target: roomId, homeserver: ctx.homeserver, scope, synapseTaskId: null, createdAt: new Date() };
    // A concurrent resumeRoomJobs() may have picked the new record up already.
    if (!state().trackers.has(id)) void runDelete(track(row, creds), row);
    ids.push(id);
  }
  return ids;
}

/**
 * Starts a history purge and records it (kind "room.purge-history"); Synapse's refusal (unknown room,
 * nothing before that point) is thrown after the record is marked failed. Returns the record id.
 */
export async function startPurgeHistoryJob(
  creds: SynapseCredentials,
  ctx: JobContext,
  roomId: string,
  target: PurgeHistoryTarget,
  deleteLocalEvents: boolean,
): Promise<number> {
  const scope = {
    ...("beforeTs" in target ? { before: new Date(target.beforeTs).toISOString() } : { beforeEventId: target.beforeEventId }),
    deleteLocalEvents,
  };
  const id = await forHomeserver(ctx.homeserver).purges.start({ actor: ctx.actor, kind: "room.purge-history", target: roomId, scope });
  const t = state().trackers.get(id) ?? track({ id, kind: "room.purge-history", target: roomId, homeserver: ctx.homeserver }, creds);
  let taskId: string;
  try {
    taskId = await startPurgeHistory(creds, roomId, target, deleteLocalEvents);
  } catch (e) {
    await finish(t, "failed", describeError(e).message);
    throw e;
  }
  await forHomeserver(ctx.homeserver).purges.setTaskId(id, taskId);
  void runPurge(t, { synapseTaskId: taskId, createdAt: new Date() });
  return id;
}

/** Follows every room job of this homeserver still marked running that this process is not following. */
export async function resumeRoomJobs(creds: SynapseCredentials, homeserver: string): Promise<void> {
  const rows = await forHomeserver(homeserver).purges.listRunning(ROOM_JOB_KINDS);
  const s = state();
  for (const row of rows) {
    if (s.trackers.has(row.id)) continue;
    // A purge whose start request may still be in flight in another request: not ours to judge yet.
    if (row.kind === "room.purge-history" && !row.synapseTaskId && Date.now() - row.createdAt.getTime() < PURGE_START_GRACE_MS) continue;
    const t = track(row, creds);
    if (row.kind === "room.delete") void runDelete(t, row);
    else void runPurge(t, row);
  }
}

function phaseFromRow(row: PurgeRow): RoomJobPhase {
  if (row.status === "ok") return "complete";
  if (row.status === "failed") return "failed";
  return row.synapseTaskId ? "active" : "queued";
}

/** What the progress panel shows: the record, plus what this process last learnt from Synapse. */
export async function getRoomJobViews(homeserver: string, ids: number[]): Promise<RoomJobView[]> {
  const rows = await forHomeserver(homeserver).purges.getMany(ROOM_JOB_KINDS, ids);
  const s = state();
  return rows.map((row) => {
    const t = s.trackers.get(row.id);
    const status = row.status === "ok" || row.status === "failed" ? row.status : "running";
    return {
      id: row.id,
      kind: row.kind as RoomJobKind,
      roomId: row.target ?? "",
      status,
      phase: status === "running" && t ? t.phase : phaseFromRow(row),
      error: row.error ?? t?.error ?? null,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
      result: t?.result ?? null,
    };
  });
}

/** Ids of this homeserver's room jobs still running (for the "in progress" panel after a closed tab). */
export async function listRunningRoomJobIds(homeserver: string, roomId?: string): Promise<number[]> {
  const rows = await forHomeserver(homeserver).purges.listRunning(ROOM_JOB_KINDS);
  return rows.filter((r) => roomId === undefined || r.target === roomId).map((r) => r.id);
}

/** Resolves when this process stops following the job (finished, or dropped for lack of a token). */
export function roomJobSettled(recordId: number): Promise<void> {
  return state().trackers.get(recordId)?.settled ?? Promise.resolve();
}
