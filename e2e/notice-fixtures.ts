// Reads a user's server notices the way the user does: signed in as them (the admin API's login-as-user),
// through the client API: the Server Notices room they were invited to (joined if need be), its messages.
import { adminToken, api, randomSuffix } from "./synapse/testbed";

type Sync = { rooms?: { invite?: Record<string, { invite_state?: { events?: { type: string; sender: string }[] } }>; join?: Record<string, unknown> } };
type Messages = { chunk: { type: string; sender: string; content: { body?: string } }[] };

export const NOTICES_LOCALPART = "server-notices"; // e2e/synapse/testbed.sh: server_notices.system_mxid_localpart

/** The bodies of every server notice the user has received, oldest first. */
export async function noticesReceived(userId: string): Promise<string[]> {
  const system = `@${NOTICES_LOCALPART}:${userId.slice(userId.indexOf(":") + 1)}`;
  const login = await api<{ access_token: string }>(`/_synapse/admin/v1/users/${encodeURIComponent(userId)}/login`, { method: "POST", token: await adminToken(), body: {} });
  if (login.status !== 200) throw new Error(`login as ${userId}: ${login.status} ${JSON.stringify(login.body)}`);
  const token = login.body.access_token;
  try {
    // A filter of its own: Synapse answers a repeated initial sync from a cache for a while, which would hide new rooms.
    const filter = encodeURIComponent(JSON.stringify({ presence: { not_types: ["*"] }, account_data: { not_types: [`portal.test.${randomSuffix()}`] } }));
    const answer = await api<Sync>(`/_matrix/client/v3/sync?timeout=0&filter=${filter}`, { token });
    if (answer.status !== 200) throw new Error(`sync as ${userId}: ${answer.status} ${JSON.stringify(answer.body)}`); // e.g. a locked user
    const sync = answer.body;
    const invited = Object.entries(sync.rooms?.invite ?? {})
      .filter(([, r]) => r.invite_state?.events?.some((e) => e.type === "m.room.member" && e.sender === system))
      .map(([id]) => id);
    for (const id of invited) await api(`/_matrix/client/v3/rooms/${encodeURIComponent(id)}/join`, { method: "POST", token, body: {} });
    const bodies: string[] = [];
    for (const id of [...invited, ...Object.keys(sync.rooms?.join ?? {})]) {
      const m = await api<Messages>(`/_matrix/client/v3/rooms/${encodeURIComponent(id)}/messages?dir=f&limit=1000`, { token });
      for (const e of m.body.chunk ?? []) if (e.type === "m.room.message" && e.sender === system) bodies.push(e.content.body ?? "");
    }
    return bodies;
  } finally {
    await api("/_matrix/client/v3/logout", { method: "POST", token, body: {} });
  }
}

/** e2e/synapse/testbed.sh registers an application service owning @bridge_* with this token (test bed only). */
const BRIDGE_AS_TOKEN = "test-bridge-as-token";

/** A user of the test bed's bridge (its appservice_id is set), registered the way a bridge does. */
export async function registerBridgeUser(localpart: string): Promise<string> {
  const r = await api<{ user_id: string }>("/_matrix/client/v3/register", {
    method: "POST",
    token: BRIDGE_AS_TOKEN,
    body: { type: "m.login.application_service", username: localpart, inhibit_login: true },
  });
  if (r.status !== 200) throw new Error(`register bridge user ${localpart}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.user_id;
}
