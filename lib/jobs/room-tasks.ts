import "server-only";
import { forHomeserver, type JobStatus } from "@/lib/db/tenant";
import type { PurgeHistoryTarget, RoomDeleteOptions } from "@/lib/synapse/room-task-api";
import { getJobView, startJob, type JobOwner, type JobView } from "./jobs";
import { deleteParamsOf } from "./room-kinds";

export type { RoomJobPhase, RoomJobResult, RoomOutcome } from "./room-job-kind";

/**
 * What requests do with room deletes and history purges: start them as jobs of the runtime (lib/jobs/
 * room-kinds.ts does the work, on whichever instance claims them), and read them for the rooms pages.
 */

export const ROOM_JOB_KINDS = ["room.delete", "room.purge-history"];
/** A job in one of these still has work to do (a paused one waits for an admin to resume it). */
export const UNFINISHED: JobStatus[] = ["queued", "running", "paused", "cancelling"];

/** One delete job for the rooms (one item per room, at most two deleting at once); returns its id. */
export function startRoomDeleteJob(owner: JobOwner, roomIds: string[], options: RoomDeleteOptions): Promise<number> {
  const rooms = [...new Set(roomIds)];
  return startJob(owner, { kind: "room.delete", params: deleteParamsOf(options, rooms.length), items: rooms, phase: "queued", ownDevice: true });
}

/** A history purge of one room as a job; Synapse's refusal (nothing before that point) ends it as failed. */
export function startPurgeHistoryJob(owner: JobOwner, roomId: string, target: PurgeHistoryTarget, deleteLocalEvents: boolean): Promise<number> {
  return startJob(owner, { kind: "room.purge-history", params: { target, deleteLocalEvents }, items: [roomId], phase: "queued", ownDevice: true });
}

/** A room job as the progress panel shows it: the runtime's view, and the rooms it covers in order. */
export type RoomJobPanel = { view: JobView; rooms: string[] };

/**
 * The panels for a rooms page: the jobs named in its URL, then every room job still unfinished (a closed
 * tab, another admin's); on a room's page only the jobs covering that room.
 */
export async function roomJobPanels(homeserver: string, ids: number[], roomId?: string): Promise<RoomJobPanel[]> {
  const jobs = forHomeserver(homeserver).jobs;
  const active = await jobs.list({ kinds: ROOM_JOB_KINDS, statuses: UNFINISHED }, { skip: 0, take: 50 });
  // A URL names a few jobs (the one just started); more would only cost queries.
  const all = [...new Set([...ids.slice(0, 20), ...active.rows.map((j) => j.id).reverse()])];
  const panels: RoomJobPanel[] = [];
  for (const id of all) {
    const view = await getJobView(homeserver, id, ROOM_JOB_KINDS);
    const items = view && (await jobs.listItems(id, {}, { skip: 0, take: 500 }));
    if (!view || !items) continue;
    const rooms = items.rows.map((r) => r.key);
    if (roomId === undefined || rooms.includes(roomId)) panels.push({ view, rooms });
  }
  return panels;
}
