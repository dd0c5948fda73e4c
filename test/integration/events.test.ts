// Event lookup, its context, timeline filters and the room size statistics, against the real test Synapse
// (events sent through the client API by normal users; the admin is not in the room).
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { fetchEvent, getEventContext } from "@/lib/synapse/events";
import { getRoomMessages } from "@/lib/synapse/room-messages";
import { getLargestRooms } from "@/lib/synapse/room-sizes";
import { adminToken, loadTestbed, randomSuffix } from "../../e2e/synapse/testbed";
import { messageIn } from "@/lib/i18n/translator";
import { createMember, seedRoom, sendText } from "../../e2e/rooms-fixtures";

const tb = loadTestbed();
let creds: { baseUrl: string; accessToken: string };
let alice: { userId: string; token: string };
let bob: { userId: string; token: string };
let roomId: string;
let middle: string;

before(async () => {
  creds = { baseUrl: tb.baseUrl, accessToken: await adminToken() };
  alice = await createMember(`it-ev-alice-${randomSuffix()}`);
  bob = await createMember(`it-ev-bob-${randomSuffix()}`);
  roomId = await seedRoom(alice, `it-events-${randomSuffix()}`, { members: [bob], messages: ["one", "two"] });
  middle = (await sendText(bob.token, roomId, "the middle")).eventId;
  await sendText(alice.token, roomId, "three");
  await sendText(bob.token, roomId, "four");
});

describe("event lookup", () => {
  test("an event is found by id in a room the admin is not in; an unknown id is null", async () => {
    const e = await fetchEvent(creds, middle);
    assert.equal(e?.roomId, roomId);
    assert.equal(e?.sender, bob.userId);
    assert.equal(e?.summary, "the middle");
    assert.equal(await fetchEvent(creds, `$unknown${randomSuffix()}`), null);
  });

  test("the context has the events before and after, newest first", async () => {
    const c = await getEventContext(creds, roomId, middle, 2);
    assert.deepEqual(c?.after.map((e) => e.summary), ["four", "three"]);
    assert.deepEqual(c?.before.map((e) => e.summary), ["two", "one"]);
    assert.equal(await getEventContext(creds, roomId, `$unknown${randomSuffix()}`), null);
  });

  test("the timeline filters by event type and by sender", async () => {
    const bobs = await getRoomMessages(creds, roomId, { dir: "b", filter: { types: ["m.room.message"], senders: [bob.userId] } });
    assert.deepEqual(bobs.events.map((e) => e.summary), ["four", "the middle"]);
    const members = await getRoomMessages(creds, roomId, { dir: "b", filter: { types: ["m.room.member"] } });
    assert.ok(members.events.length >= 2);
    assert.ok(members.events.every((e) => e.type === "m.room.member"));
    const all = await getRoomMessages(creds, roomId, { dir: "b", filter: {} });
    assert.ok(new Set(all.events.map((e) => e.type)).size > 2, "an empty filter filters nothing");
  });

  test("room sizes: unavailable on the SQLite test Synapse, with the reason", async () => {
    const r = await getLargestRooms(creds);
    assert.equal(r.available, false);
    if (!r.available) assert.match(messageIn(r.reason), /SQLite.*PostgreSQL/);
  });
});
