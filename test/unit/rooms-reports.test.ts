import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { arrangeReports, reportListHref, reportListQuerySchema } from "@/lib/schemas/reports";
import { summarizeEvent } from "@/lib/synapse/room-messages";
import { messageIn } from "@/lib/i18n/translator";
import { msg } from "@/lib/i18n/message";

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
  assert.equal(messageIn(summarizeEvent({ type: "m.room.message", content: {}, unsigned: { redacted_because: {} } })), "(redacted or empty)");
  assert.equal(messageIn(summarizeEvent({ type: "m.room.topic", state_key: "", content: { topic: "news" } })), "topic: news");
  assert.equal(messageIn(summarizeEvent({ type: "m.room.redaction", content: { redacts: "$e", reason: "spam" } }), "de"), "schwärzt $e (spam)");
  assert.equal(summarizeEvent({ type: "m.room.message", content: { body: "x".repeat(400) } }).length, 301);
  assert.equal(summarizeEvent({ type: "org.example.custom", content: { a: 1 } }), "");
});

test("room job outcomes read as one sentence in each language, parts left out at zero", () => {
  const media = (deleted: number, gone: number, remote: number, locale: "en" | "de" = "en") =>
    messageIn(msg("rooms.bulk.outcome.mediaDeleted", { deleted, gone, remote }), locale);
  assert.equal(media(2, 1, 0), "2 files deleted · 1 already gone");
  assert.equal(media(1, 0, 1), "1 file deleted · 1 remote file left (only their home server deletes them)");
  assert.equal(media(3, 0, 0, "de"), "3 Dateien gelöscht");
  assert.equal(messageIn(msg("rooms.jobs.someFailed", { failed: 1, total: 3 })), "1 room of 3 rooms failed.");
  assert.equal(messageIn(msg("rooms.jobs.mayHaveStarted", { reason: msg("rooms.jobs.deleteFailed"), task: "delete" })), "Synapse reported that the delete failed. The delete may or may not have started in Synapse; check the room.");
});
