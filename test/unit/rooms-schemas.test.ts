import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseRoomRef } from "@/lib/matrix/room-ref";
import { effectiveOrder, parseJobIds, parseUtcDateTime, purgeHistorySchema, roomDeleteSchema, roomListHref, roomListQuerySchema, roomUserSchema, synapseDir } from "@/lib/schemas/rooms";
import { firstFieldErrors as fieldRefs } from "@/lib/schemas/fields";
import { messageIn } from "@/lib/i18n/translator";

/** Each field's first message as the reader sees it in English. */
const firstFieldErrors = (error: Parameters<typeof fieldRefs>[0]) => Object.fromEntries(Object.entries(fieldRefs(error)).map(([k, v]) => [k, messageIn(v)]));

describe("parseRoomRef", () => {
  test("accepts room IDs with and without a server (room version 12) and aliases when allowed", () => {
    assert.deepEqual(parseRoomRef(" !abc:example.org ", false), { ok: true, value: "!abc:example.org", kind: "id" });
    assert.deepEqual(parseRoomRef("!abc:localhost:8448", false), { ok: true, value: "!abc:localhost:8448", kind: "id" });
    assert.deepEqual(parseRoomRef("!Zx9_-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM", false).ok, true);
    assert.deepEqual(parseRoomRef("#lobby:example.org", true), { ok: true, value: "#lobby:example.org", kind: "alias" });
  });

  test("says what is wrong", () => {
    const msg = (input: string, alias = false) => {
      const r = parseRoomRef(input, alias);
      assert.equal(r.ok, false);
      return r.ok ? "" : messageIn(r.message);
    };
    assert.match(msg(""), /^Enter a room ID, like !abc123:example.org\.$/);
    assert.match(msg("#lobby:example.org"), /needs the room ID \(starting with !\), not an alias/);
    assert.match(msg("lobby"), /"lobby" is not a room ID: a room ID starts with !/);
    assert.match(msg("lobby", true), /an alias with #/);
    assert.match(msg("!abc:bad server"), /no spaces/);
    assert.match(msg("!abc:exa_mple.org"), /"exa_mple.org" is not a valid server name/);
    assert.match(msg("#lobby", true), /needs a server/);
    assert.match(msg("!:example.org"), /is not a valid room ID/);
    assert.match(msg("!" + "a".repeat(300)), /too long/);
  });
});

describe("room list URL", () => {
  test("bad values fall back to defaults instead of failing the page", () => {
    const q = roomListQuerySchema.parse({ sort: "nonsense", order: "sideways", size: "7", page: "-3", published: "maybe" });
    assert.deepEqual(q, { sort: "name", order: undefined, published: "any", empty: "any", size: 25, page: 1 });
  });

  test("each sort has a natural direction that maps to Synapse's dir=f", () => {
    assert.equal(effectiveOrder({ sort: "name", order: undefined }), "asc");
    assert.equal(effectiveOrder({ sort: "joined_members", order: undefined }), "desc");
    assert.equal(synapseDir("joined_members", "desc"), "f");
    assert.equal(synapseDir("joined_members", "asc"), "b");
    assert.equal(synapseDir("name", "desc"), "b");
  });

  test("hrefs keep the view, drop defaults and parse back to the same query", () => {
    const q = roomListQuerySchema.parse({ q: "lobby", sort: "joined_members", order: "asc", published: "yes", size: "50", page: "3" });
    const href = roomListHref(q, {});
    assert.equal(href, "/rooms?q=lobby&sort=joined_members&order=asc&published=yes&size=50&page=3");
    const back = roomListQuerySchema.parse(Object.fromEntries(new URL(href, "http://x").searchParams));
    assert.deepEqual(back, q);
    assert.equal(roomListHref(roomListQuerySchema.parse({}), {}), "/rooms");
    assert.equal(roomListHref(q, { sort: "name", order: undefined, page: 1 }), "/rooms?q=lobby&published=yes&size=50");
  });
});

describe("forms", () => {
  const del = { roomIds: ["!a:example.org"], block: false, purge: true, forcePurge: false, moveMembers: false, newRoomUserId: "", newRoomName: "", message: "" };

  test("delete: force purge needs purge; the new-room user must be a user ID only when members move", () => {
    assert.equal(roomDeleteSchema.safeParse(del).success, true);
    const r = roomDeleteSchema.safeParse({ ...del, purge: false, forcePurge: true, moveMembers: true, newRoomUserId: "moderator" });
    assert.equal(r.success, false);
    if (r.success) return;
    const errors = firstFieldErrors(r.error);
    assert.equal(messageIn(errors.forcePurge), "Force purge only applies when the room is purged from the database.");
    assert.equal(messageIn(errors.newRoomUserId), '"moderator" is not a valid user ID. A user ID looks like @alice:example.org.');
    const bad = roomDeleteSchema.safeParse({ ...del, roomIds: ["#alias:example.org"] });
    assert.equal(bad.success, false);
  });

  test("purge history: a date in the future or before Matrix is refused, an event ID must start with $", () => {
    const base = { roomId: "!a:example.org", mode: "date" as const, eventId: "", deleteLocalEvents: false };
    const future = new Date(Date.now() + 3_600_000).toISOString().slice(0, 19);
    const errorOf = (input: object) => {
      const r = purgeHistorySchema.safeParse(input);
      assert.equal(r.success, false);
      return r.success ? {} : Object.fromEntries(Object.entries(firstFieldErrors(r.error)).map(([k, v]) => [k, messageIn(v)]));
    };
    assert.equal(errorOf({ ...base, before: future }).before, "The date is in the future. Purging removes history before a past date.");
    assert.match(errorOf({ ...base, before: "2001-01-01T00:00" }).before, /before Matrix existed/);
    assert.equal(errorOf({ ...base, before: "" }).before, "Enter a date and time (UTC).");
    assert.match(errorOf({ ...base, mode: "event", before: "", eventId: "abc" }).eventId, /starts with \$/);
    assert.equal(purgeHistorySchema.safeParse({ ...base, before: "2024-05-01T10:00" }).success, true);
    assert.equal(purgeHistorySchema.safeParse({ ...base, mode: "event", before: "", eventId: "$abc" }).success, true);
  });

  test("make admin / force join accept an alias and normalise the user ID", () => {
    const r = roomUserSchema.safeParse({ room: "#lobby:example.org", userId: " @bob:example.org " });
    assert.deepEqual(r.success && r.data, { room: "#lobby:example.org", userId: "@bob:example.org" });
    assert.equal(roomUserSchema.safeParse({ room: "lobby", userId: "@bob:example.org" }).success, false);
  });
});

test("parseUtcDateTime reads datetime-local values as UTC, with or without seconds", () => {
  assert.equal(parseUtcDateTime("2024-05-01T10:00"), Date.UTC(2024, 4, 1, 10, 0));
  assert.equal(parseUtcDateTime("2024-05-01T10:00:30"), Date.UTC(2024, 4, 1, 10, 0, 30));
  assert.equal(parseUtcDateTime("2024-05-01 10:00"), null);
  assert.equal(parseUtcDateTime("2024-13-01T10:00"), null);
});

test("parseJobIds keeps positive integers, once, at most 200", () => {
  assert.deepEqual(parseJobIds("3,x,3,-1,0,4.5, 7"), [3, 7]);
  assert.deepEqual(parseJobIds(["1", "2"]), [1, 2]);
  assert.deepEqual(parseJobIds(undefined), []);
  assert.equal(parseJobIds(Array.from({ length: 300 }, (_, i) => i + 1).join(",")).length, 200);
});
