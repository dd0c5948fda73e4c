import "server-only";
import {
  getPurgeHistoryStatus,
  getRoomDeleteStatus,
  startPurgeHistory,
  startRoomDelete,
  type PurgeHistoryTarget,
  type RoomDeleteOptions,
} from "@/lib/synapse/room-task-api";
import type { JobKind, RunningJob } from "./job-driver";
import { msg } from "@/lib/i18n/message";
import { runRoomTasks } from "./room-job-kind";

// The two room kinds of the job runtime. Their credential is sealed in the Job while it is unfinished, so
// whichever instance is up after a restart follows them to the end (no admin page needs to be open).

/** Rooms deleting at once within one delete job (Synapse purges are heavy). */
export const ROOM_DELETE_CONCURRENCY = 2;

/** A room delete job's parameters: the options in the admin's terms, also the history rows' scope. */
export type RoomDeleteParams = {
  block: boolean;
  purge: boolean;
  forcePurge: boolean;
  newRoomUserId: string | null;
  newRoomName: string;
  message: string;
  bulk?: number;
};

export function deleteParamsOf(o: RoomDeleteOptions, rooms: number): RoomDeleteParams {
  return {
    block: o.block,
    purge: o.purge,
    forcePurge: o.forcePurge,
    newRoomUserId: o.newRoom?.userId ?? null,
    newRoomName: o.newRoom?.name ?? "",
    message: o.newRoom?.message ?? "",
    ...(rooms > 1 ? { bulk: rooms } : {}),
  };
}

function optionsOf(p: RoomDeleteParams): RoomDeleteOptions {
  return {
    block: Boolean(p.block),
    purge: p.purge !== false,
    forcePurge: Boolean(p.forcePurge),
    newRoom: p.newRoomUserId ? { userId: p.newRoomUserId, name: p.newRoomName || undefined, message: p.message || undefined } : undefined,
  };
}

export const roomDeleteKind: JobKind = {
  kind: "room.delete",
  needsCredential: true,
  run(job: RunningJob) {
    const params = job.job.params as RoomDeleteParams;
    const options = optionsOf(params);
    return runRoomTasks(job, {
      kind: "room.delete",
      task: "delete",
      concurrency: ROOM_DELETE_CONCURRENCY,
      scope: params,
      start: (creds, roomId) => startRoomDelete(creds, roomId, options),
      async status(creds, taskId) {
        const s = await getRoomDeleteStatus(creds, taskId);
        if (!s) return null;
        const details = { kickedUsers: s.kickedUsers, failedToKickUsers: s.failedToKickUsers, localAliases: s.localAliases, newRoomId: s.newRoomId };
        return { phase: s.phase, error: s.error, details };
      },
      unknownTask: msg("rooms.jobs.deleteUnknown"),
      failed: msg("rooms.jobs.deleteFailed"),
    });
  },
};

/** A history purge job's parameters (one room, its only item). */
export type PurgeHistoryParams = { target: PurgeHistoryTarget; deleteLocalEvents: boolean };

export function purgeScopeOf(p: PurgeHistoryParams): Record<string, unknown> {
  return {
    ...("beforeTs" in p.target ? { before: new Date(p.target.beforeTs).toISOString() } : { beforeEventId: p.target.beforeEventId }),
    deleteLocalEvents: p.deleteLocalEvents,
  };
}

export const purgeHistoryKind: JobKind = {
  kind: "room.purge-history",
  needsCredential: true,
  run(job: RunningJob) {
    const params = job.job.params as PurgeHistoryParams;
    return runRoomTasks(job, {
      kind: "room.purge-history",
      task: "purge-history",
      concurrency: 1,
      scope: purgeScopeOf(params),
      start: (creds, roomId) => startPurgeHistory(creds, roomId, params.target, params.deleteLocalEvents),
      status: (creds, taskId) => getPurgeHistoryStatus(creds, taskId),
      unknownTask: msg("rooms.jobs.purgeUnknown"),
      failed: msg("rooms.jobs.purgeFailed"),
    });
  },
};
