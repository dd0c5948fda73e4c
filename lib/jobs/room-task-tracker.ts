import "server-only";
import { forHomeserver, type PurgeRow } from "@/lib/db/tenant";
import { createSlots, sleep, type Slots } from "@/lib/pool";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { describeError } from "@/lib/synapse/describe-error";
import { isSessionEnded } from "@/lib/synapse/errors";
import { findRoomTaskSince, getPurgeHistoryStatus, getRoomDeleteStatus, startRoomDelete, type RoomDeleteOptions } from "@/lib/synapse/room-task-api";

/**
 * Following one room delete or history purge in Synapse until it ends, from this process: the trackers
 * (what this process last learnt), the per-homeserver delete slots, and the final write to the PurgeRecord.
 * room-tasks.ts decides what to follow; this file follows it.
 */

export type RoomJobKind = "room.delete" | "room.purge-history";
/** queued: waiting for a slot (or for a restart to resume it); the rest are Synapse's task states. */
export type RoomJobPhase = "queued" | "scheduled" | "active" | "complete" | "failed";

export type RoomDeleteResult = { kickedUsers: string[]; failedToKickUsers: string[]; localAliases: string[]; newRoomId: string | null };

/** Room deletes running at once per homeserver. */
export const ROOM_DELETE_CONCURRENCY = 2;
const POLL_FIRST_MS = 500;
const POLL_MAX_MS = 5_000;
const ERROR_BACKOFF_MAX_MS = 30_000;
const KEEP_FINISHED_MS = 30 * 60_000;

export type Tracker = {
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

type State = { trackers: Map<number, Tracker>; slots: Map<string, Slots> };

// On globalThis: Next may load this module more than once in one server process.
const KEY = Symbol.for("synapse-portal.room-jobs");
function state(): State {
  const g = globalThis as unknown as Record<symbol, State | undefined>;
  return (g[KEY] ??= { trackers: new Map(), slots: new Map() });
}

/** The jobs this process follows, by PurgeRecord id. */
export function trackers(): Map<number, Tracker> {
  return state().trackers;
}

export function track(row: Pick<PurgeRow, "id" | "kind" | "target" | "homeserver">, creds: SynapseCredentials): Tracker {
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

function slotsOf(homeserver: string): Slots {
  const s = state();
  let slots = s.slots.get(homeserver);
  if (!slots) s.slots.set(homeserver, (slots = createSlots(ROOM_DELETE_CONCURRENCY)));
  return slots;
}

export async function finishTracking(t: Tracker, status: "ok" | "failed", error: string | null, taskId?: string) {
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
        if (!s) return finishTracking(t, "failed", "Synapse no longer knows this delete task, so its outcome is unknown. Check whether the room still exists.").then(() => true);
        t.phase = s.phase;
        t.result = { kickedUsers: s.kickedUsers, failedToKickUsers: s.failedToKickUsers, localAliases: s.localAliases, newRoomId: s.newRoomId };
        if (s.phase === "complete") return finishTracking(t, "ok", null).then(() => true);
        if (s.phase === "failed") return finishTracking(t, "failed", s.error ?? "Synapse reported that the delete failed.").then(() => true);
      } else {
        const s = await getPurgeHistoryStatus(t.creds, taskId);
        if (!s) return finishTracking(t, "failed", "Synapse no longer knows this purge, so its outcome is unknown.").then(() => true);
        t.phase = s.phase;
        if (s.phase === "complete") return finishTracking(t, "ok", null).then(() => true);
        if (s.phase === "failed") return finishTracking(t, "failed", s.error ?? "Synapse reported that the purge failed.").then(() => true);
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

export async function runDelete(t: Tracker, row: Pick<PurgeRow, "scope" | "synapseTaskId" | "createdAt">): Promise<void> {
  const release = await slotsOf(t.homeserver).acquire();
  try {
    let taskId = row.synapseTaskId;
    if (!taskId) {
      try {
        // A portal that stopped mid-request may already have started it: adopt that task instead.
        taskId = (await findRoomTaskSince(t.creds, "delete", t.roomId, row.createdAt.getTime() - 5_000)) ?? (await startRoomDelete(t.creds, t.roomId, optionsFromScope(row)));
        await forHomeserver(t.homeserver).purges.setTaskId(t.recordId, taskId);
      } catch (e) {
        if (isSessionEnded(e)) return drop(t);
        return await finishTracking(t, "failed", describeError(e).message);
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

export async function runPurge(t: Tracker, row: Pick<PurgeRow, "synapseTaskId" | "createdAt">): Promise<void> {
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
        return await finishTracking(t, "failed", "The portal stopped before Synapse accepted this purge, so nothing was purged. Start it again if it is still needed.");
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
