"use server";
// Media endpoints: the deletion preview (read-only), deletions and purges (recorded in the purge history and
// the audit log; the long ones run as jobs of the runtime the page follows), and the quarantine/protect toggles.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/admin-action";
import {
  deleteSelectedSchema,
  mediaDeletionFiltersSchema,
  purgeRemoteSchema,
  mediaOwnerSchema,
  toggleMediaSchema,
  roomScopeSchema,
  userScopeSchema,
} from "@/lib/schemas/media";
import { startRoomBulk } from "@/lib/jobs/room-bulk";
import { previewMediaDeletion } from "@/lib/synapse/media-preview";
import { serverNameOf } from "@/lib/matrix/mxid";
import {
  deleteSelectedMedia,
  quarantineAll,
  setMediaFlag,
  startDeleteAllUserMedia,
  startDeleteMediaByDate,
  startPurgeRemoteCache,
} from "@/lib/jobs/media-purges";
import { getJobView } from "@/lib/jobs/jobs";

// What would a deletion by date remove? Computed by the portal; nothing is changed.
export const previewMediaDeletionAction = adminAction({ role: "viewer", schema: mediaDeletionFiltersSchema }, async (f, admin) => ({
  preview: await previewMediaDeletion(admin.creds, serverNameOf(admin.actor), f),
}));

// The started job as the progress panel first shows it (it then polls /api/jobs/<id>).
async function started(homeserver: string, id: number) {
  const job = await getJobView(homeserver, id);
  if (!job) throw new Error(`job ${id} vanished after it was started`);
  return { job };
}

// Starts the server-wide deletion as a job of the runtime; the job audits itself with its real outcome.
export const startMediaDeletionAction = adminAction({ role: "owner", schema: mediaDeletionFiltersSchema }, async (f, admin) =>
  started(admin.homeserver, await startDeleteMediaByDate(admin, serverNameOf(admin.actor), f)),
);

// Starts the remote media cache purge as a job.
export const startRemotePurgeAction = adminAction({ role: "owner", schema: purgeRemoteSchema }, async (input, admin) =>
  started(admin.homeserver, await startPurgeRemoteCache(admin, input.beforeTs)),
);

// Starts deleting every file a user uploaded, page after page, as a job.
export const startDeleteAllUserMediaAction = adminAction({ role: "owner", schema: userScopeSchema }, async (input, admin) =>
  started(admin.homeserver, await startDeleteAllUserMedia(admin, input.userId)),
);

// Deletes every local file referenced in a room, as the room.bulk job followed on /rooms/bulk/<id>.
export const startDeleteAllRoomMediaAction = adminAction(
  { role: "owner", schema: roomScopeSchema, audit: (i) => ({ action: "room.bulk.delete-media.start", target: i.roomId, params: { count: 1 } }) },
  (input, admin) => startRoomBulk(admin, { action: "delete-media", roomIds: [input.roomId], expectedCount: 1 }),
);

// Deletes the files selected in a list.
export const deleteSelectedMediaAction = adminAction(
  {
    role: "owner",
    schema: deleteSelectedSchema,
    audit: (i) => ({ action: "media.delete-selected", target: i.scope ?? null, params: { files: i.files.map((f) => `mxc://${f.server}/${f.mediaId}`) } }),
  },
  async (input, admin) => {
    const r = await deleteSelectedMedia(admin, serverNameOf(admin.actor), input.scope, input.files);
    revalidatePath("/media", "layout");
    return r;
  },
);

// Quarantines or releases one file (Synapse applies it to every local copy with the same content), or protects
// one local file from quarantine and from deletion by date, or lifts the protection.
export const setMediaFlagAction = adminAction(
  {
    role: "operator",
    schema: toggleMediaSchema,
    audit: (i) => ({ action: `media.${i.on ? "" : "un"}${i.flag}`, target: `mxc://${i.server}/${i.mediaId}`, params: { scope: i.scope } }),
  },
  async (input, admin) => {
    await setMediaFlag(admin, input, input.flag, input.on, input.scope);
    revalidatePath("/media", "layout");
  },
);

// Quarantines everything a user uploaded, or the media referenced in a room.
export const quarantineAllMediaAction = adminAction(
  { role: "operator", schema: mediaOwnerSchema, audit: (i) => ({ action: "media.quarantine", target: "userId" in i ? i.userId : i.roomId, params: { all: true } }) },
  async (owner, admin) => {
    const count = await quarantineAll(admin, owner);
    revalidatePath("/media", "layout");
    return { count };
  },
);
