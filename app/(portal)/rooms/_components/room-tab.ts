import "server-only";
import { cache } from "react";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getRoom } from "@/lib/synapse/rooms";
import { parseRoomRef } from "@/lib/matrix/room-ref";
import { openPage, readForPage, type PageProps } from "@/app/(portal)/_components/page-read";

/** The room's details, read once per request (the room layout and its pages both need them). */
export const loadRoom = cache(async (roomId: string) => {
  const admin = await requireAdmin();
  return readForPage(() => getRoom(admin.creds, roomId), "room read");
});

/**
 * The start of every room tab: the admin, the room ID from the path, the query and the room's details, or null when
 * the layout already shows why there is nothing to render (malformed ID, unknown room, read error).
 */
export async function roomTab(props: PageProps<{ roomId: string }>) {
  const { admin, value: roomId, query } = await openPage(props, "roomId");
  if (!parseRoomRef(roomId, false).ok) return null;
  const room = await loadRoom(roomId);
  return room.data ? { admin, roomId, query, room: room.data } : null;
}
