// Bulk room actions ("room.bulk") and the new bulk user actions against the real test Synapse: rooms
// blocked, unblocked, published and unpublished as Synapse reads them back; every local file of the rooms
// deleted once, also when a dead owner left a room in flight with part of its files gone; an empty or
// changed selection starts nothing; users erased and their media deleted; a user created with 3PIDs.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { messageIn } from "@/lib/i18n/translator";
import { inEnglish } from "./rejection";
import { listItems, setItemFenced } from "@/lib/db/jobs";
import { claimNext } from "@/lib/db/leases";
import { forHomeserver } from "@/lib/db/tenant";
import { previewRoomBulk, ROOM_BULK_KIND, startRoomBulk } from "@/lib/jobs/room-bulk";
import { startBulkFromInput } from "@/lib/jobs/user-bulk";
import { roomBulkSchema } from "@/lib/schemas/rooms";
import { bulkStartSchema, userCreateSchema } from "@/lib/schemas/users";
import { deleteMediaFile, listUserMedia } from "@/lib/synapse/media";
import { createUser, getUser } from "@/lib/synapse/users";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { adminToken, loadTestbed, randomSuffix, serverName } from "../../e2e/synapse/testbed";
import { createMember, createRoom, roomFlags, sendImage } from "../../e2e/rooms-fixtures";
import { mediaInfo, pngOfSize, upload, type Uploaded } from "../../e2e/media-fixtures";
import { ended, stopTestRuntimes, testRuntime, until } from "./job-helpers";

const tb = loadTestbed();
let owner: { creds: { baseUrl: string; accessToken: string }; actor: string; homeserver: string; role: "owner" };

before(async () => {
  owner = { creds: { baseUrl: tb.baseUrl, accessToken: await adminToken() }, actor: tb.admin.userId, homeserver: tb.baseUrl, role: "owner" };
});

async function roomsWithImages(n: number, files: number): Promise<{ rooms: string[]; uploads: Uploaded[] }> {
  const m = await createMember(`rb-${randomSuffix()}`);
  const rooms: string[] = [];
  const uploads: Uploaded[] = [];
  for (let i = 0; i < n; i++) {
    const roomId = await createRoom(m.token, { name: `bulk ${i}` });
    for (let f = 0; f < files; f++) {
      const u = await upload(m.token, pngOfSize(300 + f), "image/png", "p.png");
      await sendImage(m.token, roomId, u.mxc);
      uploads.push(u);
    }
    rooms.push(roomId);
  }
  return { rooms, uploads };
}

const run = async (action: "block" | "unblock" | "unpublish", rooms: string[]) => {
  const { jobId } = await startRoomBulk(owner, roomBulkSchema.parse({ action, roomIds: rooms, expectedCount: rooms.length }));
  const job = await ended(jobId);
  assert.equal(job.status, "completed", job.message ?? "");
  const failed = (await listItems(jobId, { statuses: ["failed"] }, { skip: 0, take: 5 })).rows;
  assert.deepEqual(failed.map((i) => i.message), [], `${action}: no room failed`);
  return jobId;
};

describe("bulk room actions", () => {
  test("block, unblock, publish, unpublish: Synapse reads back each state; each room audited", async () => {
    testRuntime("rb");
    const { rooms } = await roomsWithImages(3, 0);
    await run("block", rooms);
    for (const r of rooms) assert.equal((await roomFlags(r)).blocked, true, `${r} blocked`);
    // The test bed keeps Synapse's default room_list_publication_rules (deny): each room's refusal is explained.
    const publish = await startRoomBulk(owner, roomBulkSchema.parse({ action: "publish", roomIds: rooms, expectedCount: 3 }));
    assert.equal((await ended(publish.jobId)).status, "completed");
    const refused = (await listItems(publish.jobId, {}, { skip: 0, take: 5 })).rows;
    assert.deepEqual(refused.map((i) => i.status), ["failed", "failed", "failed"]);
    assert.match(messageIn(refused[0].message ?? ""), /room_list_publication_rules/);
    await run("unpublish", rooms);
    const unblock = await run("unblock", rooms.slice(0, 2));
    assert.deepEqual(await Promise.all(rooms.map(roomFlags)), [
      { published: false, blocked: false },
      { published: false, blocked: false },
      { published: false, blocked: true },
    ]);
    const items = (await listItems(unblock, {}, { skip: 0, take: 10 })).rows;
    assert.deepEqual(items.map((i) => [i.key, i.status]), rooms.slice(0, 2).map((r) => [r, "ok"]));
    const audit = await forHomeserver(owner.homeserver).audit.list({ action: "room.bulk.unblock" }, { skip: 0, take: 50 });
    for (const r of rooms.slice(0, 2)) assert.ok(audit.rows.some((e) => e.target === r), `an audit entry for ${r}`);
    await stopTestRuntimes();
  });

  test("delete-media: preview counts the files; every local file gone once, also after a dead owner left a room in flight", async () => {
    const { rooms, uploads } = await roomsWithImages(2, 3);
    assert.deepEqual(await previewRoomBulk(owner.creds, rooms), { rooms: 2, localFiles: 6, remoteFiles: 0, unreadable: 0 });
    const { jobId } = await startRoomBulk(owner, roomBulkSchema.parse({ action: "delete-media", roomIds: rooms, expectedCount: 2 }));
    // A dead owner's last moments: the first room in flight and one of its files deleted, never recorded.
    // Only this kind: the suites share one database, and another suite may leave a job of its own queued.
    const dead = await until("claimed by the dead owner", () => claimNext({ table: "job", statuses: ["queued"], kinds: [ROOM_BULK_KIND], skip: [], owner: "dead", leaseMs: 400 }));
    assert.equal(dead.id, jobId, "the dead owner holds this job");
    const [first] = (await listItems(jobId, {}, { skip: 0, take: 1 })).rows;
    await setItemFenced(dead, first.id, "in-flight", null);
    assert.equal(await deleteMediaFile(owner.creds, uploads[0].server, uploads[0].mediaId), true);

    testRuntime("rb-b");
    const job = await ended(jobId);
    assert.equal(job.status, "completed", job.message ?? "");
    const items = (await listItems(jobId, {}, { skip: 0, take: 10 })).rows;
    assert.deepEqual(items.map((i) => [i.key, i.status, i.message && messageIn(i.message)]), [
      [rooms[0], "ok", "2 files deleted · 1 already gone"],
      [rooms[1], "ok", "3 files deleted"],
    ]);
    for (const u of uploads) assert.equal(await mediaInfo(u), null, `${u.mxc} is gone from Synapse`);
    await stopTestRuntimes();
  });

  test("an empty selection is refused with a message; a changed count or a missing role starts nothing", async () => {
    const empty = roomBulkSchema.safeParse({ action: "block", roomIds: [], expectedCount: 1 });
    assert.equal(empty.success, false);
    assert.equal(messageIn(empty.error?.issues[0].message ?? ""), "Select at least one room.");
    const before = (await forHomeserver(owner.homeserver).jobs.list({ kinds: ["room.bulk"] }, { skip: 0, take: 1 })).total;
    const room = `!nope${randomSuffix()}:${await serverName()}`;
    await assert.rejects(startRoomBulk(owner, { action: "block", roomIds: [room, room], expectedCount: 2 }), (e) => e instanceof PortalRefusal && e.code === "COUNT_CHANGED");
    await assert.rejects(startRoomBulk({ ...owner, role: "operator" } as never, { action: "delete-media", roomIds: [room], expectedCount: 1 }), (e) => e instanceof PortalRefusal && /Only a portal owner/.test(messageIn(e.message)));
    assert.equal((await forHomeserver(owner.homeserver).jobs.list({ kinds: ["room.bulk"] }, { skip: 0, take: 1 })).total, before, "no job was made");
  });
});

describe("bulk user actions: erase and delete all media", () => {
  test("delete-media leaves the users without files; erase deactivates and marks them erased", async () => {
    testRuntime("ub");
    const a = await createMember(`ube-${randomSuffix()}`);
    const b = await createMember(`ube-${randomSuffix()}`);
    for (const m of [a, b]) for (let i = 0; i < 3; i++) await upload(m.token, pngOfSize(200 + i), "image/png", "x.png");
    const ids = [a.userId, b.userId];
    const media = await startBulkFromInput(owner, bulkStartSchema.parse({ action: "delete-media", userIds: ids, expectedCount: 2 }));
    assert.equal((await ended(media.jobId)).status, "completed");
    const rows = (await listItems(media.jobId, {}, { skip: 0, take: 10 })).rows;
    assert.deepEqual(rows.map((r) => messageIn(r.message ?? "")), ["3 files deleted", "3 files deleted"]);
    for (const id of ids) assert.equal((await listUserMedia(owner.creds, id, { from: 0, limit: 5 })).total, 0, `${id} has no files left`);

    const erase = await startBulkFromInput(owner, bulkStartSchema.parse({ action: "erase", userIds: ids, expectedCount: 2 }));
    assert.equal((await ended(erase.jobId)).status, "completed");
    for (const id of ids) {
      const u = await getUser(owner.creds, id);
      assert.deepEqual([u?.deactivated, u?.erased], [true, true], `${id} deactivated and erased`);
    }
    await assert.rejects(startBulkFromInput({ ...owner, role: "operator" }, bulkStartSchema.parse({ action: "delete-media", userIds: ids, expectedCount: 2 })), inEnglish(/Only a portal owner/));
    await stopTestRuntimes();
  });
});

describe("create a user with 3PIDs and external ids", () => {
  test("Synapse has the e-mail, the phone and the SSO link; a malformed address is refused before anything is sent", async () => {
    const localpart = `c3p-${randomSuffix()}`;
    const bad = userCreateSchema.safeParse({ localpart, passwordMode: "none", threepids: [{ medium: "email", address: "not-an-address" }] });
    assert.equal(bad.success, false);
    assert.match(messageIn(bad.error!.issues[0].message), /is not an email address/);
    const badPhone = userCreateSchema.safeParse({ localpart, passwordMode: "none", threepids: [{ medium: "msisdn", address: "+44 77" }] });
    assert.match(messageIn(badPhone.error!.issues[0].message), /6–15 digits/);
    assert.equal(await getUser(owner.creds, `@${localpart}:${await serverName()}`), null, "nothing was created");

    const input = userCreateSchema.parse({
      localpart,
      passwordMode: "none",
      threepids: [{ medium: "email", address: `${localpart}@example.org` }, { medium: "msisdn", address: "447700900123" }],
      externalIds: [{ authProvider: "oidc-test", externalId: `ext-${localpart}` }],
    });
    const { userId } = await createUser({ creds: owner.creds, actor: owner.actor }, input);
    const u = (await getUser(owner.creds, userId))!;
    assert.deepEqual(u.threepids.map((t) => [t.medium, t.address]).sort(), [["email", `${localpart}@example.org`], ["msisdn", "447700900123"]]);
    assert.deepEqual(u.externalIds.map((e) => [e.authProvider, e.externalId]), [["oidc-test", `ext-${localpart}`]]);
  });
});
