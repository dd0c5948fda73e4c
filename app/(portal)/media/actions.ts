"use server";
// Media endpoints: the deletion preview (read-only), deletions and purges (recorded in the purge history and
// the audit log; the long ones run as jobs the page follows), and the quarantine/protect toggles.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/admin-action";
import {
  deleteSelectedSchema,
  describeDeletionFilters,
  mediaDeletionFiltersSchema,
  purgeRemoteSchema,
  roomScopeSchema,
  toggleMediaSchema,
  userScopeSchema,
} from "@/lib/schemas/media";
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

// What would a deletion by date remove? Computed by the portal; nothing is changed.
export const previewMediaDeletionAction = adminAction({ role: "viewer", schema: mediaDeletionFiltersSchema }, async (f, admin) => ({
  preview: await previewMediaDeletion(admin.creds, serverNameOf(admin.actor), f),
  words: describeDeletionFilters(f),
}));

// Starts the server-wide deletion; the job audits itself with its real outcome.
export const startMediaDeletionAction = adminAction({ role: "owner", schema: mediaDeletionFiltersSchema }, async (f, admin) => ({
  purgeId: await startDeleteMediaByDate(admin, serverNameOf(admin.actor), f),
}));

// Starts the remote media cache purge.
export const startRemotePurgeAction = adminAction({ role: "owner", schema: purgeRemoteSchema }, async (input, admin) => ({
  purgeId: await startPurgeRemoteCache(admin, input.beforeTs),
}));

// Starts deleting every file a user uploaded, page after page.
export const startDeleteAllUserMediaAction = adminAction({ role: "owner", schema: userScopeSchema }, async (input, admin) => ({
  purgeId: await startDeleteAllUserMedia(admin, input.userId),
}));

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

// Quarantines or releases one file (Synapse applies it to every local copy with the same content).
export const setMediaQuarantineAction = adminAction(
  {
    role: "operator",
    schema: toggleMediaSchema,
    audit: (i) => ({ action: i.on ? "media.quarantine" : "media.unquarantine", target: `mxc://${i.server}/${i.mediaId}`, params: { scope: i.scope } }),
  },
  async (input, admin) => {
    await setMediaFlag(admin, input, "quarantine", input.on, input.scope);
    revalidatePath("/media", "layout");
  },
);

// Protects one local file from quarantine and from deletion by date, or lifts the protection.
export const setMediaProtectionAction = adminAction(
  {
    role: "operator",
    schema: toggleMediaSchema,
    audit: (i) => ({ action: i.on ? "media.protect" : "media.unprotect", target: `mxc://${i.server}/${i.mediaId}`, params: { scope: i.scope } }),
  },
  async (input, admin) => {
    await setMediaFlag(admin, input, "protect", input.on, input.scope);
    revalidatePath("/media", "layout");
  },
);

// Quarantines everything a user uploaded.
export const quarantineUserMediaAction = adminAction(
  { role: "operator", schema: userScopeSchema, audit: (i) => ({ action: "media.quarantine", target: i.userId, params: { all: true } }) },
  async (input, admin) => {
    const count = await quarantineAll(admin, { userId: input.userId });
    revalidatePath("/media", "layout");
    return { count };
  },
);

// Quarantines the media referenced in a room.
export const quarantineRoomMediaAction = adminAction(
  { role: "operator", schema: roomScopeSchema, audit: (i) => ({ action: "media.quarantine", target: i.roomId, params: { all: true } }) },
  async (input, admin) => {
    const count = await quarantineAll(admin, { roomId: input.roomId });
    revalidatePath("/media", "layout");
    return { count };
  },
);
