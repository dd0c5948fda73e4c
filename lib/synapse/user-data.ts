import "server-only";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { isSynapseError } from "./errors";
import { assertLocalUser } from "./user-errors";
import type { ActorContext } from "./users";
import type { ExperimentalFeature } from "@/lib/schemas/users";

type RawRoom = { room_id: string; name: string | null; canonical_alias: string | null; joined_members: number };
type RawMediaStats = { users: { user_id: string; media_count: number; media_length: number }[]; total: number; next_token?: number };

export type JoinedRoom = { roomId: string; name: string | null; alias: string | null; members: number | null };
export type Membership = { roomId: string; membership: string };
export type AccountData = { global: Record<string, unknown>; rooms: Record<string, Record<string, unknown>> };
export type RateLimitOverride = { messagesPerSecond: number; burstCount: number } | null;
export type MediaSummary = { count: number; bytes: number };

const v1User = (userId: string) => `/_synapse/admin/v1/users/${encodeId(userId)}`;

/** Room details are looked up for this many rooms at most; the rest are listed by id. */
const ROOM_DETAILS_LIMIT = 200;
const ROOM_DETAILS_CONCURRENCY = 8;

export async function listJoinedRooms(creds: SynapseCredentials, userId: string): Promise<{ rooms: JoinedRoom[]; total: number }> {
  const body = await synapseFetch<{ joined_rooms: string[]; total: number }>(creds, `${v1User(userId)}/joined_rooms`);
  const ids = body.joined_rooms;
  const rooms: JoinedRoom[] = ids.map((roomId) => ({ roomId, name: null, alias: null, members: null }));
  let next = 0;
  const worker = async () => {
    while (next < Math.min(ids.length, ROOM_DETAILS_LIMIT)) {
      const i = next++;
      try {
        const r = await synapseFetch<RawRoom>(creds, `/_synapse/admin/v1/rooms/${encodeId(ids[i])}`);
        rooms[i] = { roomId: r.room_id, name: r.name ?? null, alias: r.canonical_alias ?? null, members: r.joined_members };
      } catch (e) {
        if (!isSynapseError(e, "M_NOT_FOUND")) throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: ROOM_DETAILS_CONCURRENCY }, worker));
  return { rooms, total: body.total };
}

export async function listMemberships(creds: SynapseCredentials, userId: string): Promise<Membership[]> {
  const body = await synapseFetch<{ memberships: Record<string, string> }>(creds, `${v1User(userId)}/memberships`);
  const order = ["join", "invite", "knock", "leave", "ban"];
  return Object.entries(body.memberships ?? {})
    .map(([roomId, membership]) => ({ roomId, membership }))
    .sort((a, b) => order.indexOf(a.membership) - order.indexOf(b.membership) || a.roomId.localeCompare(b.roomId));
}

export async function getAccountData(creds: SynapseCredentials, userId: string): Promise<AccountData> {
  const body = await synapseFetch<{ account_data: { global?: Record<string, unknown>; rooms?: Record<string, Record<string, unknown>> } }>(
    creds,
    `${v1User(userId)}/accountdata`,
  );
  return { global: body.account_data?.global ?? {}, rooms: body.account_data?.rooms ?? {} };
}

export async function getRateLimitOverride(creds: SynapseCredentials, userId: string): Promise<RateLimitOverride> {
  const body = await synapseFetch<{ messages_per_second?: number; burst_count?: number }>(creds, `${v1User(userId)}/override_ratelimit`);
  if (body.messages_per_second === undefined && body.burst_count === undefined) return null;
  return { messagesPerSecond: body.messages_per_second ?? 0, burstCount: body.burst_count ?? 0 };
}

/** 0 and 0 mean "no limit at all" for this user; null removes the override (server defaults apply). */
export async function setRateLimitOverride(ctx: ActorContext, userId: string, value: RateLimitOverride): Promise<void> {
  assertLocalUser(userId, ctx.actor);
  const path = `${v1User(userId)}/override_ratelimit`;
  if (value === null) await synapseFetch(ctx.creds, path, { method: "DELETE" });
  else await synapseFetch(ctx.creds, path, { method: "POST", body: { messages_per_second: value.messagesPerSecond, burst_count: value.burstCount } });
}

export async function getExperimentalFeatures(creds: SynapseCredentials, userId: string): Promise<Record<ExperimentalFeature, boolean>> {
  const body = await synapseFetch<{ features: Partial<Record<ExperimentalFeature, boolean>> }>(
    creds,
    `/_synapse/admin/v1/experimental_features/${encodeId(userId)}`,
  );
  return { msc3881: Boolean(body.features?.msc3881), msc3575: Boolean(body.features?.msc3575), msc4222: Boolean(body.features?.msc4222) };
}

export async function setExperimentalFeatures(ctx: ActorContext, userId: string, features: Record<ExperimentalFeature, boolean>): Promise<void> {
  assertLocalUser(userId, ctx.actor);
  await synapseFetch(ctx.creds, `/_synapse/admin/v1/experimental_features/${encodeId(userId)}`, { method: "PUT", body: { features } });
}

const STATS_PAGE = 500;
const STATS_MAX_PAGES = 20;

/** The user's uploads: count and bytes from the media statistics (searched by localpart, matched exactly). */
export async function getMediaSummary(creds: SynapseCredentials, userId: string): Promise<MediaSummary> {
  const localpart = userId.slice(1, userId.indexOf(":"));
  let from = 0;
  for (let i = 0; i < STATS_MAX_PAGES; i++) {
    const page = await synapseFetch<RawMediaStats>(creds, "/_synapse/admin/v1/statistics/users/media", {
      query: { search_term: localpart, from, limit: STATS_PAGE },
    });
    const me = page.users.find((u) => u.user_id === userId);
    if (me) return { count: me.media_count, bytes: me.media_length };
    if (page.next_token === undefined || page.users.length === 0) return { count: 0, bytes: 0 };
    from = page.next_token;
  }
  // Very common localparts: fall back to the count alone from the user's own media list.
  const list = await synapseFetch<{ total: number }>(creds, `${v1User(userId)}/media`, { query: { limit: 0 } });
  return { count: list.total, bytes: Number.NaN };
}
