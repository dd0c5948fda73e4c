import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { messageIn } from "@/lib/i18n/translator";
import { managedPatternProblem, managedReason, managedSkipMessage, matchesManagedPattern } from "@/lib/matrix/managed-users";
import { roomBulkSchema } from "@/lib/schemas/rooms";
import { bulkStartSchema, userCreateSchema } from "@/lib/schemas/users";

describe("managed users", () => {
  test("a pattern that does not compile says why; a long one is refused", () => {
    assert.equal(managedPatternProblem("^@tg_.*"), null);
    assert.equal(messageIn(managedPatternProblem("(a")!, "en"), '"(a" is not a valid regular expression: Unterminated group.');
    assert.match(messageIn(managedPatternProblem("a".repeat(501)) ?? "", "en"), /too long/);
  });
  test("appservice flag first, then the pattern; no pattern or a broken one marks nobody", () => {
    assert.equal(matchesManagedPattern("@tg_1:x", "^@tg_"), true);
    assert.equal(matchesManagedPattern("@alice:x", "^@tg_"), false);
    assert.equal(matchesManagedPattern("@tg_1:x", "(broken"), false);
    assert.equal(matchesManagedPattern("@tg_1:x", null), false);
    assert.match(messageIn(managedReason("@a:x", "irc", "^@tg_") ?? "", "en"), /application service irc/);
    assert.equal(managedReason("@a:x", null, "^@tg_"), null);
    assert.equal(messageIn(managedSkipMessage("@tg_1:x", null, "^@tg_") ?? "", "en"), "Bridge or bot user (matches ^@tg_): left out.");
    assert.equal(messageIn(managedSkipMessage("@b:x", "irc", null) ?? "", "de"), "Benutzer eines Application Service (irc): ausgelassen.");
  });
});

describe("bulk and create inputs", () => {
  test("an empty room selection is refused with a message", () => {
    const r = roomBulkSchema.safeParse({ action: "delete-media", roomIds: [], expectedCount: 1 });
    assert.equal(messageIn(r.error?.issues[0].message ?? ""), "Select at least one room.");
    assert.equal(roomBulkSchema.safeParse({ action: "explode", roomIds: ["!a:x"], expectedCount: 1 }).success, false);
  });
  test("erase and delete-media are bulk actions; the create form validates its 3PIDs", () => {
    assert.equal(bulkStartSchema.safeParse({ action: "erase", userIds: ["@a:x"], expectedCount: 1 }).success, true);
    assert.equal(messageIn(bulkStartSchema.safeParse({ action: "delete-media", userIds: [], expectedCount: 1 }).error!.issues[0].message, "en"), "Select at least one user.");
    const bad = userCreateSchema.safeParse({ localpart: "bob", passwordMode: "none", threepids: [{ medium: "email", address: "bob@" }] });
    assert.equal(messageIn(bad.error!.issues[0].message, "en"), '"bob@" is not an email address.');
    assert.deepEqual(userCreateSchema.parse({ localpart: "bob", passwordMode: "none" }).threepids, []);
  });
});
