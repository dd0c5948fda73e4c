import "server-only";
import { forHomeserver, type PurgeRow } from "@/lib/db/tenant";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { describeError } from "@/lib/synapse/describe-error";
import { startPurgeHistory, type PurgeHistoryTarget, type RoomDeleteOptions } from "@/lib/synapse/room-task-api";
import { finishTracking, runDelete, runPurge, track, trackers, type RoomDeleteResult, type RoomJobKind, type RoomJobPhase } from "./room-task-tracker";

export type { RoomDeleteResult, RoomJobKind, RoomJobPhase } from "./room-task-tracker";

/**
 * Room deletes and history purges run in Synapse; this module records them and has room-task-tracker.ts
 * follow them from the portal's server, so the PurgeRecord gets its final status even when the admin closes the tab. Deletes go through a
 * per-homeserver queue with bounded concurrency (bulk deletes would otherwise all purge at once).
 * Tracking lives in this process and holds the token that started it; after a restart, or when that
 * token dies, the next admin page that calls resumeRoomJobs() picks up every record still "running".
 */

export const ROOM_JOB_KINDS: RoomJobKind[] = ["room.delete", "room.purge-history"];

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

const PURGE_START_GRACE_MS = 60_000;

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
    if (!trackers().has(id)) void runDelete(track(row, creds), row);
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
  const t = trackers().get(id) ?? track({ id, kind: "room.purge-history", target: roomId, homeserver: ctx.homeserver }, creds);
  let taskId: string;
  try {
    taskId = await startPurgeHistory(creds, roomId, target, deleteLocalEvents);
  } catch (e) {
    await finishTracking(t, "failed", describeError(e).message);
    throw e;
  }
  await forHomeserver(ctx.homeserver).purges.setTaskId(id, taskId);
  void runPurge(t, { synapseTaskId: taskId, createdAt: new Date() });
  return id;
}

/** Follows every room job of this homeserver still marked running that this process is not following. */
export async function resumeRoomJobs(creds: SynapseCredentials, homeserver: string): Promise<void> {
  const rows = await forHomeserver(homeserver).purges.listRunning(ROOM_JOB_KINDS);
  const s = trackers();
  for (const row of rows) {
    if (s.has(row.id)) continue;
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
  const s = trackers();
  return rows.map((row) => {
    const t = s.get(row.id);
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
  return trackers().get(recordId)?.settled ?? Promise.resolve();
}
