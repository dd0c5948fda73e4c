// "Did the in-flight call land?": the one check used on retries, after a restart and after a cancel.
import { test } from "node:test";
import assert from "node:assert/strict";
import { resolveInFlight } from "@/lib/jobs/import-landed";
import type { ExistingUser } from "@/lib/jobs/import-plan";

const ann: ExistingUser = { displayname: "Ann", admin: false, deactivated: false, locked: false, userType: null, avatarUrl: null };
const rename = JSON.stringify([{ field: "displayname", from: "Ann", to: "Ann B" }]);

test("a create landed when the user exists, and did not when it is missing", () => {
  assert.equal(resolveInFlight({ attempt: "create", parsed: { displayname: "Ann" }, changes: null }, ann), "created");
  assert.equal(resolveInFlight({ attempt: "create", parsed: { displayname: "Ann" }, changes: null }, null), null);
});

test("an update landed only when the user shows every visible change", () => {
  assert.equal(resolveInFlight({ attempt: "update", parsed: { displayname: "Ann B" }, changes: rename }, { ...ann, displayname: "Ann B" }), "updated");
  assert.equal(resolveInFlight({ attempt: "update", parsed: { displayname: "Ann B" }, changes: rename }, ann), null);
  assert.equal(resolveInFlight({ attempt: "update", parsed: { displayname: "Ann B" }, changes: rename }, null), null);
});

test("an update whose changes were not recorded, or that sets a password, is never taken as landed", () => {
  assert.equal(resolveInFlight({ attempt: "update", parsed: { displayname: "Ann B" }, changes: null }, { ...ann, displayname: "Ann B" }), null);
  const withPassword = JSON.stringify([{ field: "password", from: null, to: "(password)" }]);
  assert.equal(resolveInFlight({ attempt: "update", parsed: { hasPassword: true }, changes: withPassword }, ann), null);
});
