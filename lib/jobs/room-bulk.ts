/**
 * Bulk room actions as the runtime's kind "room.bulk": one item per room, followed on /rooms/bulk/<id>,
 * worked through like the per-user jobs (lib/jobs/user-items.ts: in flight before the call, a per-room
 * result and audit entry, restart and takeover safe).
 *
 * Exactly once, for a room found "in-flight" (its owner died between the call and the record):
 * - block/unblock, publish/unpublish set a state to a value: sent again, nothing changes twice.
 * - quarantine-media: quarantining what is quarantined already changes nothing (the count is then lower).
 * - delete-media: the room's media is listed again and each local file deleted; one already gone is
 *   counted as such (Synapse answers 404), so nothing is deleted twice and the counts stay true.
 */
import "server-only";
import { can, type Role } from "@/lib/roles";
import { DESTRUCTIVE_ROOM_ACTIONS, type RoomBulkAction, type roomBulkSchema } from "@/lib/schemas/rooms";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { deleteMediaFile, listRoomMediaRefs, quarantineRoomMedia } from "@/lib/synapse/media";
import { setPublishedInDirectory, setRoomBlock } from "@/lib/synapse/rooms";
import { mapPool } from "@/lib/pool";
import { msg } from "@/lib/i18n/message";
import type { z } from "zod";
import { startJob, type JobOwner } from "./jobs";
import { userItemsKind, type ItemOutcome } from "./user-items";

export const ROOM_BULK_KIND = "room.bulk";
const CONCURRENCY = 2;

type RoomBulkParams = { action: RoomBulkAction; expected: number };

/** Deletes every local file referenced in the room, one at a time; remote files are their server's. */
export async function deleteRoomLocalMedia(creds: SynapseCredentials, roomId: string): Promise<{ deleted: number; gone: number; remote: number }> {
  const refs = await listRoomMediaRefs(creds, roomId);
  let deleted = 0;
  let gone = 0;
  for (const r of refs.filter((x) => x.local)) {
    if (await deleteMediaFile(creds, r.server, r.mediaId)) deleted++;
    else gone++;
  }
  return { deleted, gone, remote: refs.length - deleted - gone };
}

function stepOf(creds: SynapseCredentials, action: RoomBulkAction): (roomId: string) => Promise<ItemOutcome> {
  switch (action) {
    case "block":
    case "unblock":
      return async (roomId) => (await setRoomBlock(creds, roomId, action === "block"), { status: "ok" });
    case "publish":
    case "unpublish":
      return async (roomId) => (await setPublishedInDirectory(creds, roomId, action === "publish"), { status: "ok" });
    case "quarantine-media":
      return async (roomId) => ({ status: "ok", message: msg("rooms.bulk.outcome.quarantined", { count: await quarantineRoomMedia(creds, roomId) }) });
    case "delete-media":
      return async (roomId) => {
        const r = await deleteRoomLocalMedia(creds, roomId);
        // One sentence with every count (the parts are left out at zero), so it reads in the admin's language.
        return { status: "ok", message: msg("rooms.bulk.outcome.mediaDeleted", { deleted: r.deleted, gone: r.gone, remote: r.remote }) };
      };
  }
}

export const roomBulkKind = userItemsKind<RoomBulkParams>(ROOM_BULK_KIND, (job, ctx, p) => ({
  audit: `room.bulk.${p.action}`,
  concurrency: CONCURRENCY,
  step: stepOf(ctx.creds, p.action),
}));

export type RoomBulkPreview = { rooms: number; localFiles: number; remoteFiles: number; unreadable: number };

/** What a media action would touch: files referenced in the rooms (read-only, a few rooms at a time). */
export async function previewRoomBulk(creds: SynapseCredentials, roomIds: string[]): Promise<RoomBulkPreview> {
  const rooms = [...new Set(roomIds)];
  const refs = await mapPool(rooms, 4, (id) => listRoomMediaRefs(creds, id).catch(() => null));
  const known = refs.filter((r): r is NonNullable<typeof r> => r != null);
  const localFiles = known.reduce((s, r) => s + r.filter((x) => x.local).length, 0);
  const all = known.reduce((s, r) => s + r.length, 0);
  return { rooms: rooms.length, localFiles, remoteFiles: all - localFiles, unreadable: rooms.length - known.length };
}

/** Starts the job for the rooms the admin confirmed; a changed count or a missing role sends nothing. */
export async function startRoomBulk(owner: JobOwner & { role: Role }, input: z.output<typeof roomBulkSchema>): Promise<{ jobId: number }> {
  if (DESTRUCTIVE_ROOM_ACTIONS.includes(input.action) && !can(owner.role, "owner")) {
    throw new PortalRefusal("FORBIDDEN", msg("rooms.bulk.errors.ownerOnly"));
  }
  const rooms = [...new Set(input.roomIds)];
  if (rooms.length !== input.expectedCount) {
    throw new PortalRefusal("COUNT_CHANGED", msg("rooms.bulk.errors.countChanged", { count: rooms.length, expected: input.expectedCount }));
  }
  const params: RoomBulkParams = { action: input.action, expected: input.expectedCount };
  return { jobId: await startJob(owner, { kind: ROOM_BULK_KIND, params, items: rooms, ownDevice: DESTRUCTIVE_ROOM_ACTIONS.includes(input.action) }) };
}
