import "server-only";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { isSynapseError } from "./errors";
import { PortalRefusal } from "./describe-error";
import { logout } from "./auth";
import { deleteUserMediaPage } from "./media";
import { getMediaSummary } from "./user-data";
import { getUser } from "./users";
import { msg } from "@/lib/i18n/message";

// The Synapse side of a spam clean-up, step by step. Every step can be repeated harmlessly (a job that
// is taken over redoes the step it was in): media deletion deletes what is left, leaving skips rooms the
// user already left, deactivating a deactivated user is a no-op for Synapse.

const v1User = (userId: string) => `/_synapse/admin/v1/users/${encodeId(userId)}`;
const MEDIA_PAGE = 500;

/** Deletes every local upload of the user, a page at a time; how many went. */
export async function deleteAllUserMedia(creds: SynapseCredentials, userId: string): Promise<number> {
  let deleted = 0;
  for (;;) {
    const ids = await deleteUserMediaPage(creds, userId, { from: 0, limit: MEDIA_PAGE });
    deleted += ids.length;
    if (ids.length < MEDIA_PAGE) return deleted;
  }
}

export async function joinedRoomIds(creds: SynapseCredentials, userId: string): Promise<string[]> {
  return (await synapseFetch<{ joined_rooms: string[] }>(creds, `${v1User(userId)}/joined_rooms`)).joined_rooms;
}

/**
 * Makes the user leave every room they are joined to, in their own name (a short-lived login-as-user
 * token, logged out after): the admin need not be in those rooms. How many rooms they left.
 */
export async function leaveAllRooms(creds: SynapseCredentials, userId: string): Promise<number> {
  const rooms = await joinedRoomIds(creds, userId);
  if (rooms.length === 0) return 0;
  const { access_token } = await synapseFetch<{ access_token: string }>(creds, `${v1User(userId)}/login`, {
    method: "POST",
    body: { valid_until_ms: Date.now() + 10 * 60_000 },
  });
  const as = { baseUrl: creds.baseUrl, accessToken: access_token };
  let left = 0;
  try {
    for (const roomId of rooms) {
      try {
        await synapseFetch(as, `/_matrix/client/v3/rooms/${encodeId(roomId)}/leave`, { method: "POST", body: { reason: "Removed by a server admin" } });
        left++;
      } catch (e) {
        if (isSynapseError(e) && e.status === 403) continue; // no longer in the room
        // The user's token, not the admin's, was refused: never mistake it for the admin's session ending.
        if (isSynapseError(e, "M_USER_LOCKED")) throw new PortalRefusal("USER_LOCKED", msg("moderation.outcomes.userLocked", { userId }));
        if (isSynapseError(e) && e.status === 401) throw new PortalRefusal("PUPPET_REFUSED", msg("moderation.outcomes.puppetRefused", { userId, errcode: e.errcode }));
        throw e;
      }
    }
  } finally {
    await logout(as).catch(() => undefined);
  }
  return left;
}

/** Deactivates (and optionally erases) the account; repeating it is harmless. */
export async function deactivateForCleanup(creds: SynapseCredentials, userId: string, erase: boolean): Promise<void> {
  await synapseFetch(creds, `/_synapse/admin/v1/deactivate/${encodeId(userId)}`, { method: "POST", body: { erase } });
}

export type CleanupPreviewRow = {
  userId: string;
  exists: boolean;
  deactivated: boolean;
  admin: boolean;
  appservice: string | null;
  rooms: number;
  files: number;
  bytes: number;
};

/** What a clean-up of this user would touch. Synapse has no count of a user's events: not given. */
export async function previewCleanup(creds: SynapseCredentials, userId: string): Promise<CleanupPreviewRow> {
  const user = await getUser(creds, userId);
  if (!user) return { userId, exists: false, deactivated: false, admin: false, appservice: null, rooms: 0, files: 0, bytes: 0 };
  const [rooms, media] = await Promise.all([joinedRoomIds(creds, userId), getMediaSummary(creds, userId)]);
  return { userId, exists: true, deactivated: user.deactivated, admin: user.admin, appservice: user.appserviceId, rooms: rooms.length, files: media.count, bytes: media.bytes };
}
