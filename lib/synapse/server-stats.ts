import "server-only";
import { synapseFetch, type SynapseCredentials } from "./client";

type RawUsersPage = { total: number };
type RawRoomsPage = { total_rooms: number };
type RawMediaStats = {
  users: { user_id: string; media_count: number; media_length: number }[];
  total: number;
  next_token?: number;
};

export type ServerTotals = { users: number; rooms: number; mediaFiles: number; mediaBytes: number; mediaUsers: number };

const MEDIA_STATS_PAGE = 500;

/** Totals for the dashboard: every account (guests, deactivated and locked included), rooms, local media. */
export async function getServerTotals(creds: SynapseCredentials): Promise<ServerTotals> {
  const [users, rooms, media] = await Promise.all([
    synapseFetch<RawUsersPage>(creds, "/_synapse/admin/v3/users", { query: { limit: 0, locked: true } }),
    synapseFetch<RawRoomsPage>(creds, "/_synapse/admin/v1/rooms", { query: { limit: 0 } }),
    getLocalMediaTotals(creds),
  ]);
  return { users: users.total, rooms: rooms.total_rooms, ...media };
}

/** Sums the per-user media statistics; Synapse has no server-wide total endpoint. */
export async function getLocalMediaTotals(
  creds: SynapseCredentials,
): Promise<{ mediaFiles: number; mediaBytes: number; mediaUsers: number }> {
  let from = 0;
  let mediaFiles = 0;
  let mediaBytes = 0;
  let mediaUsers = 0;
  for (;;) {
    const page = await synapseFetch<RawMediaStats>(creds, "/_synapse/admin/v1/statistics/users/media", {
      query: { from, limit: MEDIA_STATS_PAGE },
    });
    for (const u of page.users) {
      mediaFiles += u.media_count;
      mediaBytes += u.media_length;
    }
    mediaUsers = page.total;
    if (page.next_token === undefined || page.users.length === 0) break;
    from = page.next_token;
  }
  return { mediaFiles, mediaBytes, mediaUsers };
}
