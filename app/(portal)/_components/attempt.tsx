import "server-only";
import { cache } from "react";
import { unstable_rethrow } from "next/navigation";
import { requireAdmin, redirectIfSessionEnded } from "@/lib/auth/require-admin";
import { describeError } from "@/lib/synapse/describe-error";
import { getRoom } from "@/lib/synapse/rooms";
import { parseRoomRef } from "@/lib/schemas/rooms";

export type Attempt<T> = { data: T; error: null } | { data: null; error: string };

/** A page's read from Synapse: the data, or the sentence to show instead (a dead token still signs out). */
export async function attempt<T>(read: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { data: await read(), error: null };
  } catch (e) {
    unstable_rethrow(e);
    redirectIfSessionEnded(e);
    const ui = describeError(e);
    if (ui.code === "UNEXPECTED") console.error("[portal] page read failed:", e instanceof Error ? e.stack : e);
    return { data: null, error: ui.message };
  }
}

/** The room's details, read once per request (the room layout and its pages both need them). */
export const loadRoom = cache(async (roomId: string) => {
  const admin = await requireAdmin();
  return attempt(() => getRoom(admin.creds, roomId));
});

/** Route params arrive percent-encoded or not depending on the path; room IDs contain ! and :. */
export function roomIdParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The start of every room tab: the admin, the room ID from the path, and the room's details, or null when
 * the layout already shows why there is nothing to render (malformed ID, unknown room, read error).
 */
export async function roomTab(params: Promise<{ roomId: string }>) {
  const admin = await requireAdmin();
  const roomId = roomIdParam((await params).roomId);
  if (!parseRoomRef(roomId, false).ok) return null;
  const room = await loadRoom(roomId);
  return room.data ? { admin, roomId, room: room.data } : null;
}
