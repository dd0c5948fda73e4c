// Test-side setup for the rooms and reports tests: users, rooms, messages and reports made through
// Synapse's client API (as the users themselves), independent of the portal's lib/synapse.
import { adminToken, api, randomSuffix, serverName } from "./synapse/testbed";

/** A local user without a password (cheap: no bcrypt) and a token to act as them. */
export async function createMember(localpart: string): Promise<{ userId: string; token: string }> {
  const userId = `@${localpart}:${await serverName()}`;
  const admin = await adminToken();
  const put = await api(`/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, { method: "PUT", token: admin, body: { displayname: localpart } });
  if (put.status !== 200 && put.status !== 201) throw new Error(`create ${userId}: ${put.status} ${JSON.stringify(put.body)}`);
  const login = await api<{ access_token: string }>(`/_synapse/admin/v1/users/${encodeURIComponent(userId)}/login`, { method: "POST", token: admin, body: {} });
  if (login.status !== 200) throw new Error(`login as ${userId}: ${login.status} ${JSON.stringify(login.body)}`);
  return { userId, token: login.body.access_token };
}

export async function createRoom(token: string, body: Record<string, unknown>): Promise<string> {
  const r = await api<{ room_id: string }>("/_matrix/client/v3/createRoom", { method: "POST", token, body });
  if (r.status !== 200) throw new Error(`createRoom: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.room_id;
}

export async function joinRoom(token: string, roomId: string): Promise<void> {
  const r = await api(`/_matrix/client/v3/join/${encodeURIComponent(roomId)}`, { method: "POST", token, body: {} });
  if (r.status !== 200) throw new Error(`join ${roomId}: ${r.status} ${JSON.stringify(r.body)}`);
}

export async function sendText(token: string, roomId: string, body: string): Promise<{ eventId: string }> {
  const r = await api<{ event_id: string }>(`/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/m.room.message/t-${randomSuffix()}`, {
    method: "PUT",
    token,
    body: { msgtype: "m.text", body },
  });
  if (r.status !== 200) throw new Error(`send: ${r.status} ${JSON.stringify(r.body)}`);
  return { eventId: r.body.event_id };
}

export async function reportEvent(token: string, roomId: string, eventId: string, reason: string, score?: number): Promise<void> {
  const r = await api(`/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/report/${encodeURIComponent(eventId)}`, {
    method: "POST",
    token,
    body: { reason, ...(score === undefined ? {} : { score }) },
  });
  if (r.status !== 200) throw new Error(`report: ${r.status} ${JSON.stringify(r.body)}`);
}

/** Bodies of the room's m.room.message events as the admin messages API returns them (oldest first). */
export async function messageBodies(roomId: string): Promise<string[]> {
  const r = await api<{ chunk: { type: string; content: { body?: string } }[] }>(
    `/_synapse/admin/v1/rooms/${encodeURIComponent(roomId)}/messages?dir=f&limit=1000`,
    { token: await adminToken() },
  );
  return r.body.chunk.filter((e) => e.type === "m.room.message").map((e) => e.content.body ?? "");
}

export async function joinedMembers(roomId: string): Promise<string[]> {
  const r = await api<{ members?: string[] }>(`/_synapse/admin/v1/rooms/${encodeURIComponent(roomId)}/members`, { token: await adminToken() });
  return r.body.members ?? [];
}

/** A room with a name, members who joined (public join rule) and some messages from the creator. */
export async function seedRoom(
  creator: { token: string },
  name: string,
  opts: { members?: { token: string }[]; messages?: string[]; preset?: "public_chat" | "private_chat"; extra?: Record<string, unknown> } = {},
): Promise<string> {
  const roomId = await createRoom(creator.token, { name, preset: opts.preset ?? "public_chat", ...opts.extra });
  for (const m of opts.members ?? []) await joinRoom(m.token, roomId);
  for (const text of opts.messages ?? []) await sendText(creator.token, roomId, text);
  return roomId;
}

/**
 * Waits until Synapse has no background update running. On a fresh SQLite database, purging a room
 * while an update back-fills room tables can fail inside Synapse; tests that delete rooms wait first.
 */
export async function backgroundUpdatesIdle(timeoutMs = 90_000): Promise<void> {
  const token = await adminToken();
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await api<{ current_updates?: Record<string, unknown> }>("/_synapse/admin/v1/background_updates/status", { token });
    if (r.status === 200 && Object.keys(r.body.current_updates ?? {}).length === 0) return;
    if (Date.now() > until) throw new Error(`Synapse's background updates still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** An m.image message pointing at an uploaded file (what makes Synapse list it as the room's media). */
export async function sendImage(token: string, roomId: string, mxc: string): Promise<void> {
  const r = await api(`/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/m.room.message/i-${randomSuffix()}`, {
    method: "PUT",
    token,
    body: { msgtype: "m.image", body: "picture.png", url: mxc },
  });
  if (r.status !== 200) throw new Error(`send image: ${r.status} ${JSON.stringify(r.body)}`);
}

/** Whether the room is in the server's public directory, and whether it is blocked (read from Synapse). */
export async function roomFlags(roomId: string): Promise<{ published: boolean; blocked: boolean }> {
  const token = await adminToken();
  const dir = await api<{ visibility: string }>(`/_matrix/client/v3/directory/list/room/${encodeURIComponent(roomId)}`, { token });
  const block = await api<{ block: boolean }>(`/_synapse/admin/v1/rooms/${encodeURIComponent(roomId)}/block`, { token });
  return { published: dir.body.visibility === "public", blocked: block.body.block };
}
