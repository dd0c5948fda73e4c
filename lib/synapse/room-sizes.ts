import "server-only";
import { synapseFetch, type SynapseCredentials } from "./client";
import { isSynapseError } from "./errors";
import { msg } from "@/lib/i18n/message";

// The rooms that take the most database space (`/v1/statistics/database/rooms`). Synapse computes it
// only on PostgreSQL; on SQLite it answers 400 "Endpoint requires using PostgreSQL".

export type RoomSize = { roomId: string; bytes: number };
export type RoomSizes = { available: true; rooms: RoomSize[] } | { available: false; reason: string };

export async function getLargestRooms(creds: SynapseCredentials): Promise<RoomSizes> {
  try {
    const r = await synapseFetch<{ rooms: { room_id: string; estimated_size: number }[] }>(creds, "/_synapse/admin/v1/statistics/database/rooms");
    return { available: true, rooms: r.rooms.map((x) => ({ roomId: x.room_id, bytes: x.estimated_size })).sort((a, b) => b.bytes - a.bytes) };
  } catch (e) {
    if (isSynapseError(e) && e.status === 400 && /PostgreSQL/i.test(e.error)) {
      return { available: false, reason: msg("rooms.largest.sqlite") };
    }
    throw e;
  }
}
