import "server-only";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { isSynapseError, nullIfNotFound } from "./errors";

// Synapse's asynchronous room work: delete (shutdown + purge) and history purge. Each returns an id to poll.

export type TaskPhase = "scheduled" | "active" | "complete" | "failed";

export type RoomDeleteOptions = {
  block: boolean;
  purge: boolean;
  forcePurge: boolean;
  /** A local user who creates a new room; evicted local members are joined to it. */
  newRoom?: { userId: string; name?: string; message?: string };
};

export type RoomDeleteStatus = {
  phase: TaskPhase;
  error: string | null;
  kickedUsers: string[];
  failedToKickUsers: string[];
  localAliases: string[];
  newRoomId: string | null;
};

type RawDeleteStatus = {
  delete_id: string;
  room_id: string;
  status: string;
  shutdown_room: { kicked_users?: string[]; failed_to_kick_users?: string[]; local_aliases?: string[]; new_room_id?: string | null } | null;
  error?: string;
};
type RawTask = { id: string; action: string; status: string; timestamp_ms: number; resource_id: string | null; error: string | null };

function phaseOf(status: string): TaskPhase {
  return status === "scheduled" || status === "complete" || status === "failed" ? status : "active";
}

export async function startRoomDelete(creds: SynapseCredentials, roomId: string, o: RoomDeleteOptions): Promise<string> {
  const body: Record<string, unknown> = { block: o.block, purge: o.purge, force_purge: o.forcePurge };
  if (o.newRoom) {
    body.new_room_user_id = o.newRoom.userId;
    if (o.newRoom.name) body.room_name = o.newRoom.name;
    if (o.newRoom.message) body.message = o.newRoom.message;
  }
  const r = await synapseFetch<{ delete_id: string }>(creds, `/_synapse/admin/v2/rooms/${encodeId(roomId)}`, { method: "DELETE", body });
  return r.delete_id;
}

/** null when Synapse does not know the delete id (tasks are dropped some days after they end). */
export async function getRoomDeleteStatus(creds: SynapseCredentials, deleteId: string): Promise<RoomDeleteStatus | null> {
  let r: RawDeleteStatus;
  try {
    r = await synapseFetch<RawDeleteStatus>(creds, `/_synapse/admin/v2/rooms/delete_status/${encodeId(deleteId)}`);
  } catch (e) {
    if (isSynapseError(e, "M_NOT_FOUND")) return null;
    throw e;
  }
  const phase = phaseOf(r.status);
  const s = r.shutdown_room ?? {};
  return {
    phase,
    // The delete status has no error field; the scheduled task carries it.
    error: phase === "failed" ? (r.error ?? (await taskError(creds, deleteId, r.room_id))) : null,
    kickedUsers: s.kicked_users ?? [],
    failedToKickUsers: s.failed_to_kick_users ?? [],
    localAliases: s.local_aliases ?? [],
    newRoomId: s.new_room_id ?? null,
  };
}

async function taskError(creds: SynapseCredentials, taskId: string, roomId: string): Promise<string | null> {
  const tasks = await listRoomTasks(creds, roomId, ["shutdown_and_purge_room", "purge_room", "purge_history"]).catch(() => []);
  return tasks.find((t) => t.id === taskId)?.error ?? null;
}

async function listRoomTasks(creds: SynapseCredentials, roomId: string, actions: string[]): Promise<RawTask[]> {
  const r = await synapseFetch<{ scheduled_tasks: RawTask[] }>(creds, "/_synapse/admin/v1/scheduled_tasks", {
    query: { resource_id: roomId, action_name: actions },
  });
  return r.scheduled_tasks;
}

/**
 * The id of a delete or purge Synapse started for the room at or after `sinceMs`, if any: lets a portal
 * that stopped between sending the request and storing the id pick the task up instead of starting it twice.
 */
export async function findRoomTaskSince(
  creds: SynapseCredentials,
  kind: "delete" | "purge-history",
  roomId: string,
  sinceMs: number,
): Promise<string | null> {
  const actions = kind === "delete" ? ["shutdown_and_purge_room", "purge_room"] : ["purge_history"];
  const tasks = await listRoomTasks(creds, roomId, actions);
  const recent = tasks.filter((t) => t.timestamp_ms >= sinceMs).sort((a, b) => a.timestamp_ms - b.timestamp_ms);
  return recent[0]?.id ?? null;
}

export type PurgeHistoryTarget = { beforeTs: number } | { beforeEventId: string };

export async function startPurgeHistory(
  creds: SynapseCredentials,
  roomId: string,
  target: PurgeHistoryTarget,
  deleteLocalEvents: boolean,
): Promise<string> {
  const body: Record<string, unknown> = { delete_local_events: deleteLocalEvents };
  if ("beforeTs" in target) body.purge_up_to_ts = target.beforeTs;
  else body.purge_up_to_event_id = target.beforeEventId;
  const r = await synapseFetch<{ purge_id: string }>(creds, `/_synapse/admin/v1/purge_history/${encodeId(roomId)}`, { method: "POST", body });
  return r.purge_id;
}

export async function getPurgeHistoryStatus(creds: SynapseCredentials, purgeId: string): Promise<{ phase: TaskPhase; error: string | null } | null> {
  return nullIfNotFound(async () => {
    const r = await synapseFetch<{ status: string; error?: string }>(creds, `/_synapse/admin/v1/purge_history_status/${encodeId(purgeId)}`);
    return { phase: phaseOf(r.status), error: r.error ?? null };
  });
}

/** Whether a local account exists (deactivated ones count: Synapse can still act as them). */
export async function localUserExists(creds: SynapseCredentials, userId: string): Promise<boolean> {
  try {
    await synapseFetch(creds, `/_synapse/admin/v2/users/${encodeId(userId)}`);
    return true;
  } catch (e) {
    // 404: no such user; 400 "Can only look up local users": a user of another server.
    if (isSynapseError(e) && (e.status === 404 || e.status === 400)) return false;
    throw e;
  }
}
