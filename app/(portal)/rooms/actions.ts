"use server";
// Room endpoints. Each one authorizes, validates and audits through adminAction, then makes one lib call.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { adminAction } from "@/lib/actions/admin-action";
import type { AuditedAction } from "@/lib/audit/record";
import type { AdminContext } from "@/lib/auth/require-admin";
import { requestRoomDeletes } from "@/lib/jobs/room-delete-request";
import { previewRoomBulk, startRoomBulk } from "@/lib/jobs/room-bulk";
import { startPurgeHistoryJob } from "@/lib/jobs/room-tasks";
import {
  clearForwardExtremities,
  forceJoinRoom,
  makeRoomAdmin,
  setPublishedInDirectory,
  setRoomBlock,
} from "@/lib/synapse/rooms";
import {
  parseUtcDateTime,
  purgeHistorySchema,
  roomBlockSchema,
  roomBulkPreviewSchema,
  roomBulkSchema,
  roomDeleteSchema,
  roomIdOnlySchema,
  roomPublishSchema,
  roomUserSchema,
} from "@/lib/schemas/rooms";

const roomPath = (roomId: string) => `/rooms/${encodeURIComponent(roomId)}`;

/** An operator's change to a room: audited as `audit` says, then every rooms page refreshed. */
function roomChange<S extends z.ZodType, T>(schema: S, audit: (i: z.infer<S>) => AuditedAction, run: (i: z.infer<S>, creds: AdminContext["creds"]) => Promise<T>) {
  return adminAction({ role: "operator", schema, audit }, async (i, admin) => {
    const r = await run(i, admin.creds);
    revalidatePath("/rooms", "layout");
    return r;
  });
}

// Starts one delete job for the rooms (single or bulk); the page follows it through /api/jobs/<id>.
export const deleteRoomsAction = adminAction({ role: "owner", schema: roomDeleteSchema }, async (input, admin) => {
  const result = await requestRoomDeletes(admin, input);
  revalidatePath("/rooms");
  return result;
});

// Starts Synapse's history purge for one room as a job of the runtime (followed server-side to its end).
export const purgeHistoryAction = adminAction(
  {
    role: "owner",
    schema: purgeHistorySchema,
    audit: (i) => ({
      action: "room.purge-history",
      target: i.roomId,
      params: { ...(i.mode === "date" ? { before: `${i.before} UTC` } : { beforeEventId: i.eventId }), deleteLocalEvents: i.deleteLocalEvents },
    }),
  },
  async (i, admin) => {
    const target = i.mode === "date" ? { beforeTs: parseUtcDateTime(i.before)! } : { beforeEventId: i.eventId };
    const jobId = await startPurgeHistoryJob(admin, i.roomId, target, i.deleteLocalEvents);
    revalidatePath(roomPath(i.roomId));
    return { jobId };
  },
);

// Block or unblock, also for room IDs the server has never seen.
export const setRoomBlockAction = roomChange(
  roomBlockSchema,
  (i) => ({ action: i.block ? "room.block" : "room.unblock", target: i.roomId }),
  (i, creds) => setRoomBlock(creds, i.roomId, i.block).then(() => ({ blocked: i.block })),
);

// Publish in or remove from the room directory.
export const setRoomPublishedAction = roomChange(
  roomPublishSchema,
  (i) => ({ action: i.publish ? "room.publish" : "room.unpublish", target: i.roomId }),
  (i, creds) => setPublishedInDirectory(creds, i.roomId, i.publish).then(() => ({ published: i.publish })),
);

// Power level 100 for a user, granted by the room's most powerful local member.
export const makeRoomAdminAction = roomChange(
  roomUserSchema,
  (i) => ({ action: "room.make-admin", target: i.room, params: { userId: i.userId } }),
  (i, creds) => makeRoomAdmin(creds, i.room, i.userId).then(() => null),
);

// Joins a local user to a room without their consent.
export const forceJoinRoomAction = roomChange(
  roomUserSchema,
  (i) => ({ action: "room.force-join", target: i.room, params: { userId: i.userId } }),
  async (i, creds) => ({ roomId: await forceJoinRoom(creds, i.room, i.userId) }),
);

// Drops all but the newest forward extremity (a room with many becomes slow).
export const clearExtremitiesAction = adminAction(
  { role: "owner", schema: roomIdOnlySchema, audit: (i) => ({ action: "room.clear-extremities", target: i.roomId }) },
  async (i, admin) => {
    const deleted = await clearForwardExtremities(admin.creds, i.roomId);
    revalidatePath(roomPath(i.roomId), "layout");
    return { deleted };
  },
);

// Read-only: how many rooms and media files a bulk action would touch, before the admin confirms.
export const previewRoomBulkAction = adminAction({ role: "viewer", schema: roomBulkPreviewSchema }, (i, admin) => previewRoomBulk(admin.creds, i.roomIds));

// Starts a bulk room action as a job of the runtime; the page then follows /rooms/bulk/<id>.
export const startRoomBulkAction = adminAction(
  { role: "operator", schema: roomBulkSchema, audit: (i) => ({ action: `room.bulk.${i.action}.start`, params: { count: i.expectedCount, rooms: i.roomIds.slice(0, 50) } }) },
  async (i, admin) => {
    const r = await startRoomBulk(admin, i);
    revalidatePath("/rooms");
    return r;
  },
);
