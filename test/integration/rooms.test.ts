// lib/synapse/rooms, room-messages and the room jobs (lib/jobs/room-kinds on the job runtime) against the real test Synapse
// and a migrated throwaway SQLite database.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { clearForwardExtremities, forceJoinRoom, getSpaceHierarchy, makeRoomAdmin, getRoom, getRoomBlock, getRoomMembers, getRoomState, getForwardExtremities, listRooms, setPublishedInDirectory, setRoomBlock } from "@/lib/synapse/rooms";
import { getRoomMessages, timelineTokenAt } from "@/lib/synapse/room-messages";
import { describeError } from "@/lib/synapse/describe-error";
import { startPurgeHistoryJob, startRoomDeleteJob, type RoomJobResult } from "@/lib/jobs/room-tasks";
import { jobEnded, testRuntime } from "./job-helpers";
import { forHomeserver } from "@/lib/db/tenant";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { messageIn } from "@/lib/i18n/translator";
import { adminCreds, api, loadTestbed, randomSuffix } from "../../e2e/synapse/testbed";
import { backgroundUpdatesIdle, createMember, joinedMembers, messageBodies, seedRoom, sendText } from "../../e2e/rooms-fixtures";

const tb = loadTestbed();
let creds: SynapseCredentials;
let owner: { userId: string; token: string };
const ctx = () => ({ creds, actor: `@it-rooms-${randomSuffix()}:example.org`, homeserver: tb.baseUrl });
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
      assert.match(messageIn(ui.message), /room_list_publication_rules/);
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
  before(async () => {
    await backgroundUpdatesIdle();
    testRuntime("rooms");
  });
  const resultOf = async (hs: string, id: number) => ((await forHomeserver(hs).jobs.get(id))?.result ?? { rooms: {} }) as RoomJobResult;
  const purgeRows = async (c: ReturnType<typeof ctx>) => (await forHomeserver(c.homeserver).purges.list({ actor: c.actor }, { skip: 0, take: 10 })).rows;

  test("a bulk delete with block is one job, deletes at most two rooms at a time and records each outcome", async () => {
    const c = ctx();
    const rooms = await Promise.all([1, 2, 3].map((i) => seedRoom(owner, `it-del-${i}-${randomSuffix()}`, { messages: ["x"] })));
    const id = await startRoomDeleteJob(c, rooms, { block: true, purge: true, forcePurge: false });
    let most = 0;
    let seen = 0;
    for (;;) {
      const job = await forHomeserver(c.homeserver).jobs.get(id);
      if (job!.status === "completed" || job!.status === "failed") break;
      const running = Object.values(((job!.result ?? { rooms: {} }) as RoomJobResult).rooms).filter((o) => o.status === "running").length;
      most = Math.max(most, running);
      seen++;
      await sleep(20);
    }
    assert.ok(seen > 0 && most <= 2, `at most two rooms deleting at once (saw ${most})`);
    const job = await jobEnded(c.homeserver, id);
    assert.equal(job.status, "completed", job.message ?? "");
    assert.deepEqual([job.done, job.failed, job.total], [3, 0, 3]);
    const { rooms: outcomes } = await resultOf(c.homeserver, id);
    assert.deepEqual(rooms.map((r) => [outcomes[r]?.status, outcomes[r]?.phase]), rooms.map(() => ["ok", "complete"]));
    assert.ok(rooms.every((r) => outcomes[r].kickedUsers?.includes(owner.userId)));
    for (const r of rooms) {
      assert.equal(await getRoom(creds, r), null);
      assert.equal((await getRoomBlock(creds, r)).blocked, true);
    }
    const rows = await purgeRows(c);
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => r.kind === "room.delete" && r.status === "ok" && r.synapseTaskId && r.jobId === id && r.scope.block === true && r.scope.bulk === 3));
    assert.deepEqual(rows.map((r) => r.target).sort(), [...rooms].sort());
  });

  test("a delete with a new room joins the evicted members there", async () => {
    const c = ctx();
    const member = await createMember(`it-moved-${randomSuffix()}`);
    const moderator = await createMember(`it-mod-${randomSuffix()}`);
    const roomId = await seedRoom(owner, `it-move-${randomSuffix()}`, { members: [member] });
    const id = await startRoomDeleteJob(c, [roomId], { block: false, purge: true, forcePurge: false, newRoom: { userId: moderator.userId, name: "Moved", message: "You were moved." } });
    assert.equal((await jobEnded(c.homeserver, id)).status, "completed");
    const newRoom = (await resultOf(c.homeserver, id)).rooms[roomId]?.newRoomId;
    assert.ok(newRoom);
    assert.deepEqual((await joinedMembers(newRoom)).sort(), [member.userId, moderator.userId, owner.userId].sort());
    assert.equal((await getRoom(creds, newRoom))?.name, "Moved");
  });

  test("a delete that fails in Synapse is recorded as failed with Synapse's reason", async () => {
    const c = ctx();
    const roomId = await seedRoom(owner, `it-fail-${randomSuffix()}`);
    // Synapse accepts the request and fails in the background: the new room's creator must be local.
    const id = await startRoomDeleteJob(c, [roomId], { block: false, purge: true, forcePurge: false, newRoom: { userId: "@someone:elsewhere.example" } });
    const job = await jobEnded(c.homeserver, id);
    assert.deepEqual([job.status, job.failed], ["failed", 1]);
    assert.match(messageIn(job.message ?? ""), /must be our own/);
    const outcome = (await resultOf(c.homeserver, id)).rooms[roomId];
    assert.deepEqual([outcome.status, outcome.phase], ["failed", "failed"]);
    const [row] = await purgeRows(c);
    assert.equal(row.status, "failed");
    assert.match(row.error ?? "", /must be our own/);
  });

  test("purge history removes events before the cut-off and keeps the newer ones", async () => {
    const c = ctx();
    const roomId = await seedRoom(owner, `it-purge-${randomSuffix()}`, { messages: ["old-1", "old-2"] });
    await sleep(50);
    const cut = Date.now();
    await sleep(50);
    await sendText(owner.token, roomId, "new-1");
    await sendText(owner.token, roomId, "new-2");
    const id = await startPurgeHistoryJob(c, roomId, { beforeTs: cut }, true);
    const job = await jobEnded(c.homeserver, id);
    assert.deepEqual([job.status, job.kind, job.done], ["completed", "room.purge-history", 1]);
    assert.equal((await resultOf(c.homeserver, id)).rooms[roomId]?.phase, "complete");
    assert.deepEqual(await messageBodies(roomId), ["new-1", "new-2"]);
    const [row] = await purgeRows(c);
    assert.deepEqual(row.scope, { before: new Date(cut).toISOString(), deleteLocalEvents: true });
    assert.deepEqual([row.status, row.jobId, row.target], ["ok", id, roomId]);

    // Nothing before that point: Synapse refuses, the job and the record say so.
    const refused = await jobEnded(c.homeserver, await startPurgeHistoryJob(c, roomId, { beforeTs: Date.UTC(2015, 0, 1) }, false));
    assert.equal(refused.status, "failed");
    assert.match(messageIn(refused.message ?? ""), /nothing to purge/);
    const [failed] = await purgeRows(c);
    assert.equal(failed.status, "failed");
    assert.match(messageIn(failed.error ?? ""), /nothing to purge/);
  });
});
