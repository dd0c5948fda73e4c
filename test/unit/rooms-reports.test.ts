import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { arrangeReports, reportListHref, reportListQuerySchema } from "@/lib/schemas/reports";
import { summarizeEvent } from "@/lib/synapse/room-messages";

describe("arrangeReports", () => {
  const reports = [
    { id: 1, receivedTs: 100, score: -10 },
    { id: 2, receivedTs: 300, score: null },
    { id: 3, receivedTs: 200, score: -100 },
    { id: 4, receivedTs: 400, score: 0 },
  ];
  const resolved = new Set([4, 3]);
  const ids = (status: "all" | "unresolved" | "resolved", sort: "newest" | "oldest" | "score") =>
    arrangeReports([...reports], (id) => resolved.has(id), status, sort).map((r) => r.id);

  test("unresolved come first, each group in the chosen order", () => {
    assert.deepEqual(ids("all", "newest"), [2, 1, 4, 3]);
    assert.deepEqual(ids("all", "oldest"), [1, 2, 3, 4]);
    // Most offensive (-100) first; no score last.
    assert.deepEqual(ids("all", "score"), [1, 2, 3, 4]);
  });

  test("filters by status", () => {
    assert.deepEqual(ids("unresolved", "newest"), [2, 1]);
    assert.deepEqual(ids("resolved", "score"), [3, 4]);
  });
});

test("the reports URL drops defaults and ignores malformed filters", () => {
  const q = reportListQuerySchema.parse({ status: "resolved", sort: "bogus", room: "not a room", sender: "@bob:example.org", page: "2" });
  assert.deepEqual(q, { status: "resolved", sort: "newest", room: undefined, sender: "@bob:example.org", page: 2 });
  assert.equal(reportListHref(q, { page: 1 }), "/reports?status=resolved&sender=%40bob%3Aexample.org");
});

test("summarizeEvent describes common events in one line", () => {
  assert.equal(summarizeEvent({ type: "m.room.message", content: { msgtype: "m.text", body: "hello" } }), "hello");
  assert.equal(summarizeEvent({ type: "m.room.message", content: { msgtype: "m.image" } }), "(m.image)");
  assert.equal(summarizeEvent({ type: "m.room.member", state_key: "@a:x", content: { membership: "join", displayname: "A" } }), "@a:x join (A)");
  assert.equal(summarizeEvent({ type: "m.room.message", content: {}, unsigned: { redacted_because: {} } }), "(redacted or empty)");
  assert.equal(summarizeEvent({ type: "m.room.message", content: { body: "x".repeat(400) } }).length, 301);
  assert.equal(summarizeEvent({ type: "org.example.custom", content: { a: 1 } }), "");
});
