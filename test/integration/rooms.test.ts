// lib/synapse/rooms, room-messages and the room jobs (lib/jobs/room-tasks) against the real test Synapse
// and a migrated throwaway SQLite database.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { clearForwardExtremities, forceJoinRoom, getSpaceHierarchy, makeRoomAdmin, getRoom, getRoomBlock, getRoomMembers, getRoomState, getForwardExtremities, listRooms, setPublishedInDirectory, setRoomBlock } from "@/lib/synapse/rooms";
import { getRoomMessages, timelineTokenAt } from "@/lib/synapse/room-messages";
import { describeError } from "@/lib/synapse/describe-error";
import { enqueueRoomDeletes, getRoomJobViews, resumeRoomJobs, roomJobSettled, startPurgeHistoryJob } from "@/lib/jobs/room-tasks";
import { forHomeserver } from "@/lib/db/tenant";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { adminCreds, api, loadTestbed, randomSuffix } from "../../e2e/synapse/testbed";
import { backgroundUpdatesIdle, createMember, joinedMembers, messageBodies, seedRoom, sendText } from "../../e2e/rooms-fixtures";

const tb = loadTestbed();
let creds: SynapseCredentials;
let owner: { userId: string; token: string };
const ctx = () => ({ actor: `@it-rooms-${randomSuffix()}:example.org`, homeserver: tb.baseUrl });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  creds = await adminCreds();
  owner = await createMember(`it-owner-${randomSuffix()}`);
});

describe("listing and reading rooms", () => {
  const prefix = `itlist-${randomSuffix()}`;
  const ids: string[] = [];
  before(async () => {
    const m1 = await createMember(`it-m1-${randomSuffix()}`);
    const m2 = await createMember(`it-m2-${randomSuffix()}`);
    ids.push(await seedRoom(owner, `${prefix} alpha`, { members: [m1, m2], messages: ["a1"] }));
    ids.push(await seedRoom(owner, `${prefix} beta`, { messages: ["b1"] }));
    ids.push(await seedRoom(owner, `${prefix} gamma`, { members: [m1], extra: { creation_content: { type: "m.space" } } }));
  });

  test("search and sort give what Synapse's list API gives", async () => {
    for (const [orderBy, dir] of [["name", "f"], ["joined_members", "f"], ["joined_members", "b"], ["state_events", "f"]] as const) {
      const got = await listRooms(creds, { search: prefix, orderBy, dir, from: 0, limit: 10 });
      const raw = await api<{ rooms: { room_id: string }[]; total_rooms: number }>(
        `/_synapse/admin/v1/rooms?search_term=${prefix}&order_by=${orderBy}&dir=${dir}&limit=10`,
        { token: creds.accessToken },
      );
      assert.deepEqual(got.rooms.map((r) => r.roomId), raw.body.rooms.map((r) => r.room_id), `${orderBy} ${dir}`);
      assert.equal(got.total, 3);
    }
    const bySize = await listRooms(creds, { search: prefix, orderBy: "joined_members", dir: "f", from: 0, limit: 10 });
    assert.deepEqual(bySize.rooms.map((r) => r.joinedMembers), [3, 2, 1]);
    const page2 = await listRooms(creds, { search: prefix, orderBy: "name", dir: "f", from: 2, limit: 2 });
    assert.deepEqual(page2.rooms.map((r) => r.name), [`${prefix} gamma`]);
    assert.equal(page2.rooms[0].isSpace, true);
  });

  test("details, members, state; an unknown room is null", async () => {
    const room = await getRoom(creds, ids[0]);
    assert.equal(room?.name, `${prefix} alpha`);
    assert.equal(room?.joinedMembers, 3);
    assert.equal(room?.joinRules, "public");
    assert.equal(await getRoom(creds, `!nope${randomSuffix()}:${owner.userId.split(":").slice(1).join(":")}`), null);
    assert.equal((await getRoomMembers(creds, ids[0])).length, 3);
    const state = await getRoomState(creds, ids[0]);
    assert.ok(state.some((e) => e.type === "m.room.create"));
    assert.ok(state.some((e) => e.type === "m.room.name" && JSON.parse(e.json).content.name === `${prefix} alpha`));
    assert.equal((await getForwardExtremities(creds, ids[0])).length, 1);
  });

  test("a block works for a room ID the server has never seen, and is lifted again", async () => {
    const unseen = `!unseen${randomSuffix()}:elsewhere.example`;
    assert.deepEqual(await getRoomBlock(creds, unseen), { blocked: false, by: null });
    await setRoomBlock(creds, unseen, true);
    assert.deepEqual(await getRoomBlock(creds, unseen), { blocked: true, by: (await api<{ user_id: string }>("/_matrix/client/v3/account/whoami", { token: creds.accessToken })).body.user_id });
    await setRoomBlock(creds, unseen, false);
    assert.equal((await getRoomBlock(creds, unseen)).blocked, false);
  });

  test("publishing is refused without room_list_publication_rules, and the refusal is explained", async () => {
    await assert.rejects(setPublishedInDirectory(creds, ids[1], true), (e) => {
      const ui = describeError(e);
      assert.equal(ui.code, "PUBLISH_NOT_ALLOWED");
      assert.match(ui.message, /room_list_publication_rules/);
      return true;
    });
    await setPublishedInDirectory(creds, ids[1], false);
  });
});

describe("moderation", () => {
  test("make room admin, force-join by alias, clear extremities, and a space's hierarchy", async () => {
    const alias = `itmod${randomSuffix()}`;
    const roomId = await seedRoom(owner, `it-mod-${randomSuffix()}`, { extra: { room_alias_name: alias } });
    const joiner = await createMember(`it-joiner-${randomSuffix()}`);
    const server = owner.userId.slice(owner.userId.indexOf(":") + 1);
    assert.equal(await forceJoinRoom(creds, `#${alias}:${server}`, joiner.userId), roomId);
    assert.ok((await getRoomMembers(creds, roomId)).includes(joiner.userId));
    await makeRoomAdmin(creds, roomId, joiner.userId);
    const pl = await api<{ users: Record<string, number> }>(`/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/state/m.room.power_levels/`, { token: owner.token });
    assert.equal(pl.body.users[joiner.userId], 100);
    assert.equal(await clearForwardExtremities(creds, roomId), 0);

    const space = await seedRoom(owner, `it-space-${randomSuffix()}`, { extra: { creation_content: { type: "m.space" } } });
    const put = await api(`/_matrix/client/v3/rooms/${encodeURIComponent(space)}/state/m.space.child/${encodeURIComponent(roomId)}`, {
      method: "PUT",
      token: owner.token,
      body: { via: [server], suggested: true },
    });
    assert.equal(put.status, 200);
    const tree = await getSpaceHierarchy(creds, space);
    assert.deepEqual(tree.map((r) => r.roomId), [space, roomId]);
    assert.equal(tree[0].isSpace, true);
    assert.deepEqual(tree[0].children, [{ roomId, suggested: true }]);
  });
});

describe("timeline", () => {
  test("pages newest first, forwards and backwards, and jumps to a date", async () => {
    const roomId = await seedRoom(owner, `it-timeline-${randomSuffix()}`, { messages: ["m1", "m2", "m3"] });
    await sleep(20);
    const cut = Date.now();
    await sleep(20);
    for (const m of ["m4", "m5"]) await sendText(owner.token, roomId, m);
    const bodies = (p: { events: { type: string; summary: string }[] }) => p.events.filter((e) => e.type === "m.room.message").map((e) => e.summary);

    const newest = await getRoomMessages(creds, roomId, { dir: "b", limit: 2 });
    assert.deepEqual(bodies(newest), ["m5", "m4"]);
    assert.equal(newest.newerFrom, null);
    const older = await getRoomMessages(creds, roomId, { from: newest.olderFrom!, dir: "b", limit: 2 });
    assert.deepEqual(bodies(older), ["m3", "m2"]);
    const back = await getRoomMessages(creds, roomId, { from: older.newerFrom!, dir: "f", limit: 2 });
    assert.deepEqual(bodies(back), ["m5", "m4"]);

    const token = await timelineTokenAt(creds, roomId, cut);
    assert.ok(token);
    const atCut = await getRoomMessages(creds, roomId, { from: token, dir: "b", limit: 3 });
    assert.deepEqual(bodies(atCut), ["m3", "m2", "m1"]);
    assert.ok(atCut.newerFrom);
    assert.equal(await timelineTokenAt(creds, roomId, Date.UTC(2015, 0, 1)), null);
  });
});

describe("room jobs", () => {
  before(() => backgroundUpdatesIdle());

  test("a bulk delete with block runs at most two at a time and records each outcome", async () => {
    const c = ctx();
    const rooms = await Promise.all([1, 2, 3].map((i) => seedRoom(owner, `it-del-${i}-${randomSuffix()}`, { messages: ["x"] })));
    const ids = await enqueueRoomDeletes(creds, c, rooms, { block: true, purge: true, forcePurge: false });
    const early = await getRoomJobViews(c.homeserver, ids);
    assert.ok(early.filter((v) => v.phase === "queued").length >= 1, JSON.stringify(early.map((v) => v.phase)));
    await Promise.all(ids.map(roomJobSettled));
    const done = await getRoomJobViews(c.homeserver, ids);
    assert.deepEqual(done.map((v) => [v.roomId, v.status, v.phase]), rooms.map((r) => [r, "ok", "complete"]), JSON.stringify(done.map((v) => v.error)));
    assert.ok(done.every((v) => v.result?.kickedUsers.includes(owner.userId)));
    for (const r of rooms) {
      assert.equal(await getRoom(creds, r), null);
      assert.equal((await getRoomBlock(creds, r)).blocked, true);
    }
    const { rows } = await forHomeserver(c.homeserver).purges.list({ actor: c.actor }, { skip: 0, take: 10 });
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => r.kind === "room.delete" && r.status === "ok" && r.synapseTaskId && r.scope.block === true && r.scope.bulk === 3));
  });

  test("a delete with a new room joins the evicted members there", async () => {
    const c = ctx();
    const member = await createMember(`it-moved-${randomSuffix()}`);
    const moderator = await createMember(`it-mod-${randomSuffix()}`);
    const roomId = await seedRoom(owner, `it-move-${randomSuffix()}`, { members: [member] });
    const [id] = await enqueueRoomDeletes(creds, c, [roomId], { block: false, purge: true, forcePurge: false, newRoom: { userId: moderator.userId, name: "Moved", message: "You were moved." } });
    await roomJobSettled(id);
    const [view] = await getRoomJobViews(c.homeserver, [id]);
    assert.equal(view.status, "ok");
    const newRoom = view.result?.newRoomId;
    assert.ok(newRoom);
    assert.deepEqual((await joinedMembers(newRoom)).sort(), [member.userId, moderator.userId, owner.userId].sort());
    assert.equal((await getRoom(creds, newRoom))?.name, "Moved");
  });

  test("a delete that fails in Synapse is recorded as failed with Synapse's reason", async () => {
    const c = ctx();
    const roomId = await seedRoom(owner, `it-fail-${randomSuffix()}`);
    // Synapse accepts the request and fails in the background: the new room's creator must be local.
    const [id] = await enqueueRoomDeletes(creds, c, [roomId], { block: false, purge: true, forcePurge: false, newRoom: { userId: "@someone:elsewhere.example" } });
    await roomJobSettled(id);
    const [view] = await getRoomJobViews(c.homeserver, [id]);
    assert.deepEqual([view.status, view.phase], ["failed", "failed"]);
    assert.match(view.error ?? "", /must be our own/);
  });

  test("purge history removes events before the cut-off and keeps the newer ones", async () => {
    const c = ctx();
    const roomId = await seedRoom(owner, `it-purge-${randomSuffix()}`, { messages: ["old-1", "old-2"] });
    await sleep(50);
    const cut = Date.now();
    await sleep(50);
    await sendText(owner.token, roomId, "new-1");
    await sendText(owner.token, roomId, "new-2");
    const id = await startPurgeHistoryJob(creds, c, roomId, { beforeTs: cut }, true);
    await roomJobSettled(id);
    const [view] = await getRoomJobViews(c.homeserver, [id]);
    assert.deepEqual([view.status, view.phase, view.kind], ["ok", "complete", "room.purge-history"]);
    assert.deepEqual(await messageBodies(roomId), ["new-1", "new-2"]);
    const { rows } = await forHomeserver(c.homeserver).purges.list({ actor: c.actor }, { skip: 0, take: 1 });
    assert.deepEqual(rows[0].scope, { before: new Date(cut).toISOString(), deleteLocalEvents: true });

    // Nothing before that point: Synapse refuses, the record says so.
    await assert.rejects(startPurgeHistoryJob(creds, c, roomId, { beforeTs: Date.UTC(2015, 0, 1) }, false), (e) => describeError(e).code === "NOTHING_TO_PURGE");
    const failed = await forHomeserver(c.homeserver).purges.list({ actor: c.actor }, { skip: 0, take: 1 });
    assert.equal(failed.rows[0].status, "failed");
    assert.match(failed.rows[0].error ?? "", /nothing to purge/);
  });

  test("records left running (closed tab, restart) are finished by the next resume", async () => {
    const c = ctx();
    const queuedRoom = await seedRoom(owner, `it-resume-q-${randomSuffix()}`);
    const startedRoom = await seedRoom(owner, `it-resume-s-${randomSuffix()}`);
    // Queued but never started by the process that recorded it:
    const queued = await forHomeserver(c.homeserver).purges.start({ actor: c.actor, kind: "room.delete", target: queuedRoom, scope: { block: true, purge: true, forcePurge: false } });
    // Started in Synapse, then the portal went away before following it:
    const r = await api<{ delete_id: string }>(`/_synapse/admin/v2/rooms/${encodeURIComponent(startedRoom)}`, { method: "DELETE", token: creds.accessToken, body: {} });
    const started = await forHomeserver(c.homeserver).purges.start({ actor: c.actor, kind: "room.delete", target: startedRoom, scope: { block: false, purge: true, forcePurge: false } });
    await forHomeserver(c.homeserver).purges.setTaskId(started, r.body.delete_id);

    await resumeRoomJobs(creds, c.homeserver);
    await Promise.all([roomJobSettled(queued), roomJobSettled(started)]);
    const views = await getRoomJobViews(c.homeserver, [queued, started]);
    assert.deepEqual(views.map((v) => v.status), ["ok", "ok"]);
    assert.equal(await getRoom(creds, queuedRoom), null);
    assert.equal((await getRoomBlock(creds, queuedRoom)).blocked, true);
    assert.equal(await getRoom(creds, startedRoom), null);
  });
});
