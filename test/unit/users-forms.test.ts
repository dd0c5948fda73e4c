// User form and action inputs: what is refused before anything reaches Synapse (bulk actions and notice broadcasts too).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { localpartProblem as localpartRef } from "@/lib/schemas/fields";
import { avatarProblem, bulkStartSchema, deactivateSchema, rateLimitSchema, reactivateSchema, resetPasswordSchema, userCreateSchema, userUpdateSchema } from "@/lib/schemas/users";
import { assertLocalUser, assertNotSelf } from "@/lib/synapse/user-errors";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { messageIn } from "@/lib/i18n/translator";
import { broadcastPreviewSchema, broadcastSchema, NOTICE_MAX_LENGTH, serverNoticeSchema } from "@/lib/schemas/server-notices";

// Messages as the reader sees them in English (the field messages are references, see lib/i18n/message.ts).
const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) => {
  const m = r.error?.issues[0]?.message;
  return m === undefined ? undefined : messageIn(m);
};
const localpartProblem = (name: string) => {
  const p = localpartRef(name);
  return p === null ? null : messageIn(p);
};

describe("localpart", () => {
  test("accepts Matrix's allowed characters", () => {
    for (const ok of ["alice", "a.b-c_d=e/f+g", "x1"]) assert.equal(localpartProblem(ok), null, ok);
  });
  test("explains each kind of bad name", () => {
    assert.match(localpartProblem("Alice")!, /lowercase/);
    assert.match(localpartProblem("al ice")!, /only a–z/);
    assert.match(localpartProblem("al:ice")!, /only a–z/);
    assert.match(localpartProblem("_bridge")!, /begin with _/);
    assert.match(localpartProblem("")!, /Enter a user name/);
  });
  test("a name too long for a Matrix ID is refused", () => {
    const r = userCreateSchema.safeParse({ localpart: "a".repeat(260), passwordMode: "none" });
    assert.equal(r.success, false);
    assert.match(firstMessage(r)!, /too long/);
  });
});

describe("create", () => {
  test("a chosen password must be given and not blank", () => {
    assert.match(firstMessage(userCreateSchema.safeParse({ localpart: "bob", passwordMode: "set", password: "   " }))!, /Enter a password/);
    assert.equal(userCreateSchema.safeParse({ localpart: "bob", passwordMode: "generate" }).success, true);
    assert.match(firstMessage(userCreateSchema.safeParse({ localpart: "bob", passwordMode: "set", password: "x".repeat(513) }))!, /at most 512/);
  });
  test("user types are plain names", () => {
    assert.equal(userCreateSchema.safeParse({ localpart: "bob", passwordMode: "none", userType: "bot" }).success, true);
    assert.equal(userCreateSchema.safeParse({ localpart: "bob", passwordMode: "none", userType: "bad type!" }).success, false);
  });
});

describe("edit", () => {
  const base = { userId: "@bob:example.org", displayname: "Bob", admin: false, userType: "", threepids: [], externalIds: [] };
  test("threepids are checked per medium", () => {
    assert.equal(userUpdateSchema.safeParse({ ...base, threepids: [{ medium: "email", address: "bob@example.org" }] }).success, true);
    assert.match(firstMessage(userUpdateSchema.safeParse({ ...base, threepids: [{ medium: "email", address: "bob" }] }))!, /not an email/);
    assert.match(firstMessage(userUpdateSchema.safeParse({ ...base, threepids: [{ medium: "msisdn", address: "+44 7700" }] }))!, /6–15 digits/);
  });
  test("a user ID must be a full MXID", () => {
    assert.equal(userUpdateSchema.safeParse({ ...base, userId: "bob" }).success, false);
    assert.equal(userUpdateSchema.safeParse({ ...base, userId: "bob:example.org" }).success, false);
    assert.match(firstMessage(userUpdateSchema.safeParse({ ...base, displayname: "x".repeat(257) }))!, /at most 256/);
  });
});

describe("lifecycle inputs", () => {
  test("deactivation needs the exact MXID typed", () => {
    assert.match(firstMessage(deactivateSchema.safeParse({ userId: "@bob:example.org", confirm: "@bob:example.com" }))!, /exactly/);
    assert.equal(deactivateSchema.safeParse({ userId: "@bob:example.org", confirm: " @bob:example.org " }).success, true);
  });
  test("reactivation needs a password; reset needs one unless generating", () => {
    assert.match(firstMessage(reactivateSchema.safeParse({ userId: "@bob:example.org", password: "" }))!, /Enter a password/);
    assert.equal(resetPasswordSchema.safeParse({ userId: "@bob:example.org", password: "" }).success, false);
    const gen = resetPasswordSchema.parse({ userId: "@bob:example.org", generate: true });
    assert.equal(gen.logoutDevices, true, "logging out is the default");
  });
  test("rate limits are whole non-negative numbers", () => {
    assert.equal(rateLimitSchema.safeParse({ userId: "@bob:example.org", messagesPerSecond: "-1", burstCount: "0" }).success, false);
    assert.deepEqual(rateLimitSchema.parse({ userId: "@bob:example.org", messagesPerSecond: "3", burstCount: "0" }).messagesPerSecond, 3);
  });
  test("avatar files: images up to the size limit", () => {
    assert.equal(avatarProblem({ size: 1000, type: "image/png" }), null);
    assert.match(messageIn(avatarProblem({ size: 1000, type: "text/html" })!, "en"), /PNG/);
    assert.equal(messageIn(avatarProblem({ size: 5_000_000, type: "image/png" })!, "en"), "An avatar can be at most 900 KB.");
  });
});

describe("refusals", () => {
  test("remote users and yourself", () => {
    assert.throws(() => assertLocalUser("@a:other.org", "@admin:example.org"), (e) => e instanceof PortalRefusal && e.code === "REMOTE_USER");
    assert.doesNotThrow(() => assertLocalUser("@a:example.org", "@admin:example.org"));
    assert.throws(() => assertNotSelf("@admin:example.org", "@admin:example.org", "lock"), (e) => e instanceof PortalRefusal && messageIn(e.message, "en") === "You cannot lock your own account.");
    assert.throws(() => assertNotSelf("@admin:example.org", "@admin:example.org", "demote"), (e) => e instanceof PortalRefusal && messageIn(e.message, "en") === "You cannot remove admin rights from your own account.");
    assert.throws(() => assertNotSelf("@admin:example.org", "@admin:example.org", "lock"), (e) => e instanceof PortalRefusal && messageIn(e.message, "de") === "Sie können Ihr eigenes Konto nicht sperren.");
  });
});

describe("bulk", () => {
  test("the start input needs users or a filter, and a notice text for notices", () => {
    assert.equal(bulkStartSchema.safeParse({ action: "lock", expectedCount: 1 }).success, false);
    assert.equal(bulkStartSchema.safeParse({ action: "lock", userIds: ["@a:x.org"], expectedCount: 1 }).success, true);
    assert.equal(bulkStartSchema.safeParse({ action: "notice", filter: "", expectedCount: 3 }).success, false);
    assert.equal(bulkStartSchema.safeParse({ action: "lock", userIds: ["not-an-id"], expectedCount: 1 }).success, false);
  });
});

describe("server notices", () => {
  const ok = { text: "Maintenance tonight", audience: "all", expectedCount: 3 };
  test("a broadcast needs a message of at most NOTICE_MAX_LENGTH characters", () => {
    assert.equal(messageIn(firstMessage(broadcastSchema.safeParse({ ...ok, text: "   " })) ?? "", "en"), "Write the notice first.");
    assert.equal(messageIn(firstMessage(broadcastSchema.safeParse({ ...ok, text: "x".repeat(NOTICE_MAX_LENGTH + 1) })) ?? "", "en"), `A notice has ${NOTICE_MAX_LENGTH} characters at most.`);
    assert.equal(broadcastSchema.safeParse({ ...ok, text: "x".repeat(NOTICE_MAX_LENGTH) }).success, true);
    assert.equal(messageIn(firstMessage(serverNoticeSchema.safeParse({ userId: "@a:x.org", text: "" })) ?? "", "en"), "Write the notice first.");
  });
  test("a broadcast to a filter needs the filter; appservice users are left out unless asked", () => {
    assert.match(messageIn(firstMessage(broadcastPreviewSchema.safeParse({ text: "hi", audience: "filter", filter: " " })) ?? "", "en"), /Paste the users list's filter/);
    assert.equal(broadcastPreviewSchema.safeParse({ text: "hi", audience: "filter", filter: "q=team" }).success, true);
    assert.equal(broadcastSchema.parse(ok).includeAppservice, false);
    assert.equal(broadcastSchema.safeParse({ ...ok, expectedCount: 0 }).success, false);
  });
});
