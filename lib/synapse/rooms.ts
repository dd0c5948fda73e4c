import "server-only";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { nullIfNotFound } from "./errors";

// ---- Raw shapes (private) ----

type RawRoom = {
  room_id: string;
  name: string | null;
  canonical_alias: string | null;
  joined_members: number;
  joined_local_members: number;
  version: string | null;
  creator: string | null;
  encryption: string | null;
  federatable: boolean;
  public: boolean;
  join_rules: string | null;
  guest_access: string | null;
  history_visibility: string | null;
  state_events: number;
  room_type: string | null;
};
type RawRoomDetails = RawRoom & {
  avatar: string | null;
  topic: string | null;
  joined_local_devices: number;
  forgotten: boolean;
  tombstoned: boolean;
  replacement_room: string | null;
};
type RawRoomList = { offset: number; rooms: RawRoom[]; total_rooms: number; next_batch?: number; prev_batch?: number };
type RawStateEvent = { type: string; state_key: string; sender: string; origin_server_ts: number; event_id: string; content: Record<string, unknown> };
type RawHierarchy = {
  rooms: {
    room_id: string;
    name?: string | null;
    canonical_alias?: string | null;
    num_joined_members: number;
    join_rule?: string;
    room_type?: string | null;
    world_readable: boolean;
    children_state: { state_key: string; content: { via?: string[]; suggested?: boolean; order?: string } }[];
  }[];
};

// ---- App-level types ----

export type RoomSummary = {
  roomId: string;
  name: string | null;
  canonicalAlias: string | null;
  joinedMembers: number;
  joinedLocalMembers: number;
  version: string | null;
  creator: string | null;
  encryption: string | null;
  federatable: boolean;
  published: boolean;
  joinRules: string | null;
  guestAccess: string | null;
  historyVisibility: string | null;
  stateEvents: number;
  isSpace: boolean;
};

export type RoomDetails = RoomSummary & {
  avatarUrl: string | null;
  topic: string | null;
  joinedLocalDevices: number;
  forgotten: boolean;
  tombstoned: boolean;
  replacementRoom: string | null;
};

export type RoomListParams = {
  search?: string;
  orderBy: string;
  dir: "f" | "b";
  from: number;
  limit: number;
  publicRooms?: boolean;
  emptyRooms?: boolean;
};

export type StateEvent = { eventId: string; type: string; stateKey: string; sender: string; ts: number; json: string };
export type Extremity = { eventId: string; stateGroup: number; depth: number; receivedTs: number };
export type SpaceChild = {
  roomId: string;
  name: string | null;
  canonicalAlias: string | null;
  joinedMembers: number;
  joinRule: string | null;
  isSpace: boolean;
  worldReadable: boolean;
  children: { roomId: string; suggested: boolean }[];
};

function toSummary(r: RawRoom): RoomSummary {
  return {
    roomId: r.room_id,
    name: r.name ?? null,
    canonicalAlias: r.canonical_alias ?? null,
    joinedMembers: r.joined_members ?? 0,
    joinedLocalMembers: r.joined_local_members ?? 0,
    version: r.version ?? null,
    creator: r.creator ?? null,
    encryption: r.encryption ?? null,
    federatable: Boolean(r.federatable),
    published: Boolean(r.public),
    joinRules: r.join_rules ?? null,
    guestAccess: r.guest_access ?? null,
    historyVisibility: r.history_visibility ?? null,
    stateEvents: r.state_events ?? 0,
    isSpace: r.room_type === "m.space",
  };
}

const room = (roomId: string) => `/_synapse/admin/v1/rooms/${encodeId(roomId)}`;

/** One page of the server's rooms, sorted and searched by Synapse (search: name, alias localpart, exact ID). */
export async function listRooms(creds: SynapseCredentials, p: RoomListParams): Promise<{ rooms: RoomSummary[]; total: number }> {
  const raw = await synapseFetch<RawRoomList>(creds, "/_synapse/admin/v1/rooms", {
    query: {
      from: p.from,
      limit: p.limit,
      order_by: p.orderBy,
      dir: p.dir,
      search_term: p.search || undefined,
      public_rooms: p.publicRooms,
      empty_rooms: p.emptyRooms,
    },
  });
  return { rooms: raw.rooms.map(toSummary), total: raw.total_rooms };
}

/** null when the server does not know the room (never seen, or deleted). */
export async function getRoom(creds: SynapseCredentials, roomId: string): Promise<RoomDetails | null> {
  return nullIfNotFound(async () => {
    const r = await synapseFetch<RawRoomDetails>(creds, room(roomId));
    return {
      ...toSummary(r),
      avatarUrl: r.avatar ?? null,
      topic: r.topic ?? null,
      joinedLocalDevices: r.joined_local_devices ?? 0,
      forgotten: Boolean(r.forgotten),
      tombstoned: Boolean(r.tombstoned),
      replacementRoom: r.replacement_room ?? null,
    };
  });
}

export type BlockState = { blocked: boolean; by: string | null };

export async function getRoomBlock(creds: SynapseCredentials, roomId: string): Promise<BlockState> {
  const r = await synapseFetch<{ block: boolean; user_id?: string }>(creds, `${room(roomId)}/block`);
  return { blocked: r.block, by: r.user_id ?? null };
}

const BLOCK_LOOKUP_CONCURRENCY = 6;

/** Block states of a page of rooms (Synapse's list has no such column), a few requests at a time. */
export async function getRoomBlocks(creds: SynapseCredentials, roomIds: string[]): Promise<Map<string, boolean>> {
  const out = new Map<string, boolean>();
  let next = 0;
  const worker = async () => {
    while (next < roomIds.length) {
      const id = roomIds[next++];
      out.set(id, (await getRoomBlock(creds, id)).blocked);
    }
  };
  await Promise.all(Array.from({ length: Math.min(BLOCK_LOOKUP_CONCURRENCY, roomIds.length) }, worker));
  return out;
}

/** Works for room IDs the server has never seen, which blocks them pre-emptively. */
export async function setRoomBlock(creds: SynapseCredentials, roomId: string, block: boolean): Promise<void> {
  await synapseFetch(creds, `${room(roomId)}/block`, { method: "PUT", body: { block } });
}

/** Joined members only (Synapse's admin API lists no invites or bans). */
export async function getRoomMembers(creds: SynapseCredentials, roomId: string): Promise<string[]> {
  const r = await synapseFetch<{ members: string[] }>(creds, `${room(roomId)}/members`);
  return r.members;
}

export async function getRoomState(creds: SynapseCredentials, roomId: string): Promise<StateEvent[]> {
  const r = await synapseFetch<{ state: RawStateEvent[] }>(creds, `${room(roomId)}/state`);
  return r.state
    .map((e) => ({
      eventId: e.event_id,
      type: e.type,
      stateKey: e.state_key,
      sender: e.sender,
      ts: e.origin_server_ts,
      json: JSON.stringify(e, null, 2),
    }))
    .sort((a, b) => a.type.localeCompare(b.type) || a.stateKey.localeCompare(b.stateKey));
}

export async function getForwardExtremities(creds: SynapseCredentials, roomId: string): Promise<Extremity[]> {
  const r = await synapseFetch<{ count: number; results: { event_id: string; state_group: number; depth: number; received_ts: number }[] }>(
    creds,
    `${room(roomId)}/forward_extremities`,
  );
  return r.results.map((x) => ({ eventId: x.event_id, stateGroup: x.state_group, depth: x.depth, receivedTs: x.received_ts }));
}

/** Returns how many extremities Synapse removed (it keeps the newest). */
export async function clearForwardExtremities(creds: SynapseCredentials, roomId: string): Promise<number> {
  const r = await synapseFetch<{ deleted: number }>(creds, `${room(roomId)}/forward_extremities`, { method: "DELETE" });
  return r.deleted;
}

/** The space's tree as Synapse's admin API sees it (the space itself first). */
export async function getSpaceHierarchy(creds: SynapseCredentials, roomId: string): Promise<SpaceChild[]> {
  const r = await synapseFetch<RawHierarchy>(creds, `${room(roomId)}/hierarchy`);
  return r.rooms.map((x) => ({
    roomId: x.room_id,
    name: x.name ?? null,
    canonicalAlias: x.canonical_alias ?? null,
    joinedMembers: x.num_joined_members,
    joinRule: x.join_rule ?? null,
    isSpace: x.room_type === "m.space",
    worldReadable: x.world_readable,
    children: x.children_state.map((c) => ({ roomId: c.state_key, suggested: Boolean(c.content.suggested) })),
  }));
}

const directory = (roomId: string) => `/_matrix/client/v3/directory/list/room/${encodeId(roomId)}`;

/** Synapse may refuse to publish (room_list_publication_rules); describeError explains that refusal. */
export async function setPublishedInDirectory(creds: SynapseCredentials, roomId: string, publish: boolean): Promise<void> {
  await synapseFetch(creds, directory(roomId), { method: "PUT", body: { visibility: publish ? "public" : "private" } });
}

/** Gives the user power level 100, sent by the room's most powerful local member. */
export async function makeRoomAdmin(creds: SynapseCredentials, roomIdOrAlias: string, userId: string): Promise<void> {
  await synapseFetch(creds, `${room(roomIdOrAlias)}/make_room_admin`, { method: "POST", body: { user_id: userId } });
}

/** Joins a local user to the room; in non-public rooms the admin (a member with invite power) invites them first. */
export async function forceJoinRoom(creds: SynapseCredentials, roomIdOrAlias: string, userId: string): Promise<string> {
  const r = await synapseFetch<{ room_id: string }>(creds, `/_synapse/admin/v1/join/${encodeId(roomIdOrAlias)}`, {
    method: "POST",
    body: { user_id: userId },
  });
  return r.room_id;
}
