// The moderation forms' input checks: nothing malformed reaches Synapse.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseEventId } from "@/lib/matrix/event-id";
import { messageIn } from "@/lib/i18n/translator";
import { readTimelineFilter } from "@/lib/schemas/timeline-filter";
import { redactUserEventsSchema } from "@/lib/schemas/moderation";

describe("event ids", () => {
  test("valid ids pass trimmed; others get a sentence", () => {
    assert.deepEqual(parseEventId("  $abc:example.org "), { ok: true, value: "$abc:example.org" });
    assert.deepEqual(parseEventId("$Lb3hN2kQ_x-y"), { ok: true, value: "$Lb3hN2kQ_x-y" });
    for (const [input, msg] of [["", /Enter an event ID/], ["abc", /starts with \$/], ["$a b", /not a valid event ID/], ["$", /not a valid/], ["$" + "x".repeat(300), /too long/]] as const) {
      const r = parseEventId(input);
      assert.equal(r.ok, false, input);
      if (!r.ok) {
        assert.match(messageIn(r.message, "en"), msg);
        assert.match(messageIn(r.message, "de"), /Ereignis-ID/);
      }
    }
  });
});

describe("timeline filter", () => {
  test("a valid type and sender make the filter; invalid ones are reported and left out", () => {
    assert.deepEqual(readTimelineFilter({ type: "m.room.message", sender: "@a:b.org" }).filter, { types: ["m.room.message"], senders: ["@a:b.org"] });
    const bad = readTimelineFilter({ type: "m room", sender: "alice" });
    assert.deepEqual(bad.filter, {});
    assert.equal(bad.problems.length, 2);
    assert.deepEqual(readTimelineFilter({}).filter, {});
  });
});

describe("redact form", () => {
  test("chosen rooms need at least one room; all rooms need none", () => {
    assert.equal(redactUserEventsSchema.safeParse({ userId: "@a:b.org", scope: "all" }).success, true);
    assert.equal(redactUserEventsSchema.safeParse({ userId: "@a:b.org", scope: "chosen", rooms: [] }).success, false);
    assert.equal(redactUserEventsSchema.safeParse({ userId: "@a:b.org", scope: "chosen", rooms: ["!r:b.org"] }).success, true);
    assert.equal(redactUserEventsSchema.safeParse({ userId: "nobody", scope: "all" }).success, false);
  });
});
