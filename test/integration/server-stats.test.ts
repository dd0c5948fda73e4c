// lib/synapse/server-stats.ts against the real test Synapse's admin API.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { getLocalMediaTotals, getServerTotals, type ServerTotals } from "@/lib/synapse/server-stats";
import { adminToken, api, loadTestbed, randomSuffix, serverName } from "../../e2e/synapse/testbed";

const tb = loadTestbed();
let token: string;

/** The same totals, read independently: all users (incl. deactivated/locked/guests), rooms, media stats summed. */
async function expectedTotals(): Promise<ServerTotals> {
  const users = await api<{ total: number }>("/_synapse/admin/v2/users?limit=1&deactivated=true&locked=true&guests=true", { token });
  const rooms = await api<{ total_rooms: number }>("/_synapse/admin/v1/rooms?limit=1", { token });
  const media = await api<{ users: { media_count: number; media_length: number }[]; total: number }>(
    "/_synapse/admin/v1/statistics/users/media?limit=10000",
    { token },
  );
  assert.equal(users.status, 200);
  assert.equal(rooms.status, 200);
  assert.equal(media.status, 200);
  return {
    users: users.body.total,
    rooms: rooms.body.total_rooms,
    mediaFiles: media.body.users.reduce((s, u) => s + u.media_count, 0),
    mediaBytes: media.body.users.reduce((s, u) => s + u.media_length, 0),
    mediaUsers: media.body.total,
  };
}

/** Other test files create users in parallel: compare only when nothing changed around the call. */
async function totalsWhenStable(): Promise<{ got: ServerTotals; expected: ServerTotals }> {
  for (let i = 0; i < 5; i++) {
    const before = await expectedTotals();
    const got = await getServerTotals({ baseUrl: tb.baseUrl, accessToken: token });
    const after = await expectedTotals();
    if (JSON.stringify(before) === JSON.stringify(after)) return { got, expected: before };
  }
  assert.fail("server totals kept changing");
}

async function putUser(localpart: string, body: Record<string, unknown>) {
  const id = `@${localpart}:${await serverName()}`;
  const r = await api(`/_synapse/admin/v2/users/${encodeURIComponent(id)}`, { method: "PUT", token, body });
  assert.ok(r.status === 200 || r.status === 201, JSON.stringify(r.body));
  return id;
}

before(async () => {
  token = await adminToken();
  // Accounts that default admin lists hide: one locked, one deactivated (no password: cheap to create).
  // Synapse applies `locked`/`deactivated` only to existing users, so create first, then change.
  const locked = await putUser(`it-locked-${randomSuffix()}`, {});
  await putUser(locked.slice(1, locked.indexOf(":")), { locked: true });
  const deactivated = await putUser(`it-deact-${randomSuffix()}`, {});
  await putUser(deactivated.slice(1, deactivated.indexOf(":")), { deactivated: true });
  // A room, so the room count is not trivially 0.
  const room = await api("/_matrix/client/v3/createRoom", { method: "POST", token, body: { name: `it-stats-${randomSuffix()}` } });
  assert.equal(room.status, 200, JSON.stringify(room.body));
});

after(async () => {
  await api("/_matrix/client/v3/logout", { method: "POST", token, body: {} });
});

describe("getServerTotals", () => {
  test("matches the admin API's counts, locked and deactivated accounts included", async () => {
    const { got, expected } = await totalsWhenStable();
    assert.deepEqual(got, expected);
    assert.ok(got.users >= 3, `users ${got.users}`);
    assert.ok(got.rooms >= 1, `rooms ${got.rooms}`);
    // The default v2 list hides locked and deactivated users; the totals must not.
    const visible = await api<{ total: number }>("/_synapse/admin/v2/users?limit=1", { token });
    assert.ok(got.users >= visible.body.total + 2, `users ${got.users} vs visible ${visible.body.total}`);
  });

  test("an upload shows up in the media totals", async () => {
    const before = await getLocalMediaTotals({ baseUrl: tb.baseUrl, accessToken: token });
    const bytes = Buffer.from(`it-media-${randomSuffix()}-`.repeat(37));
    const res = await fetch(`${tb.baseUrl}/_matrix/media/v3/upload?filename=it.txt`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
      body: bytes,
    });
    assert.equal(res.status, 200, await res.clone().text());
    const { content_uri } = (await res.json()) as { content_uri: string };
    assert.match(content_uri, /^mxc:\/\//);

    const after = await getLocalMediaTotals({ baseUrl: tb.baseUrl, accessToken: token });
    // Only this file's owner (the admin) uploads in this file; other files may add media too, hence ≥.
    assert.ok(after.mediaFiles >= before.mediaFiles + 1, `files ${before.mediaFiles} → ${after.mediaFiles}`);
    assert.ok(after.mediaBytes >= before.mediaBytes + bytes.length, `bytes ${before.mediaBytes} → ${after.mediaBytes}`);
    assert.ok(after.mediaUsers >= 1);

    const { got, expected } = await totalsWhenStable();
    assert.deepEqual(got, expected);
    assert.ok(got.mediaFiles >= 1 && got.mediaBytes >= bytes.length);
  });
});
