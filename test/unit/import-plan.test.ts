// What each import row does on the server, decided from what is known about existing users.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { messageIn } from "@/lib/i18n/translator";
import {
  decide,
  diffUser,
  generateLocalpart,
  localpartFromDisplayName,
  passwordForCreate,
  updateLanded,
  type ExistingUser,
} from "@/lib/jobs/import-plan";

const current: ExistingUser = { displayname: "Ann", admin: false, deactivated: false, locked: false, userType: null, avatarUrl: null };

describe("ids from display names", () => {
  test("lowercase, accents dropped, spaces to dots, only allowed characters", () => {
    assert.equal(localpartFromDisplayName("Zoë O'Brien"), "zoe.obrien");
    assert.equal(localpartFromDisplayName("  Jean-Luc   Picard "), "jean-luc.picard");
    assert.equal(localpartFromDisplayName("Straße"), "strasse");
    assert.equal(localpartFromDisplayName("李雷"), "user");
    assert.equal(localpartFromDisplayName("2024"), "user2024");
    assert.equal(localpartFromDisplayName(".._Ann_.."), "ann");
    assert.equal(localpartFromDisplayName("a".repeat(100)).length, 64);
  });

  test("collisions get .2, .3, … against the server and the file", () => {
    const taken = new Set(["ann.lee", "ann.lee.2"]);
    assert.equal(generateLocalpart("Ann Lee", (lp) => taken.has(lp)), "ann.lee.3");
    assert.equal(generateLocalpart("Bob", (lp) => taken.has(lp)), "bob");
  });
});

describe("decide", () => {
  const input = { localpart: "ann", displayname: "Ann B", admin: true, hasPassword: true };

  test("a new user is created with the given fields", () => {
    assert.deepEqual(decide(input, undefined, { conflict: "skip", passwords: "csv" }), {
      kind: "create",
      body: { displayname: "Ann B", admin: true },
      generatePassword: false,
    });
    assert.equal((decide({ localpart: "x" }, undefined, { conflict: "skip", passwords: "generate-missing" }) as { generatePassword: boolean }).generatePassword, true);
  });

  test("an existing user is skipped, stops the job, or gets only the changed fields", () => {
    assert.equal(decide(input, current, { conflict: "skip", passwords: "csv" }).kind, "skip");
    assert.equal(decide(input, current, { conflict: "stop", passwords: "csv" }).kind, "stop");
    assert.deepEqual(decide(input, current, { conflict: "update", passwords: "csv" }), {
      kind: "update",
      changes: [
        { field: "displayname", from: "Ann", to: "Ann B" },
        { field: "admin", from: "false", to: "true" },
        { field: "password", from: null, to: "(new password)" },
      ],
      body: { displayname: "Ann B", admin: true },
    });
  });

  test("updates set a password only from the file, never a generated one", () => {
    const d = decide(input, current, { conflict: "update", passwords: "generate-all" });
    assert.ok(d.kind === "update");
    assert.equal(d.changes.some((c) => c.field === "password"), false);
    assert.equal(decide({ localpart: "ann", displayname: "Ann" }, current, { conflict: "update", passwords: "generate-missing" }).kind, "skip");
  });

  test("nothing to change means skipped; empty cells are not changes", () => {
    const d = decide({ localpart: "ann", displayname: "Ann", admin: false }, current, { conflict: "update", passwords: "none" });
    assert.deepEqual(d.kind === "skip" && { ...d, reason: messageIn(d.reason, "en") }, { kind: "skip", reason: "the user already exists with these values" });
  });

  test("threepids are compared as sets", () => {
    const withTp = { ...current, threepids: [{ medium: "email" as const, address: "a@x.org" }, { medium: "msisdn" as const, address: "4915" }] };
    assert.deepEqual(diffUser({ threepids: [{ medium: "msisdn", address: "4915" }, { medium: "email", address: "A@x.org" }] }, withTp, false), []);
    assert.deepEqual(diffUser({ threepids: [{ medium: "email", address: "b@x.org" }] }, withTp, false), [
      { field: "threepids", from: "email:a@x.org;msisdn:4915", to: "email:b@x.org" },
    ]);
  });

  test("password modes for new accounts", () => {
    assert.equal(passwordForCreate("csv", true), "csv");
    assert.equal(passwordForCreate("csv", false), "none");
    assert.equal(passwordForCreate("generate-missing", true), "csv");
    assert.equal(passwordForCreate("generate-missing", false), "generate");
    assert.equal(passwordForCreate("generate-all", true), "generate");
    assert.equal(passwordForCreate("none", true), "none");
  });
});

test("updateLanded: visible changes are checked on the user; a password change is always sent again", () => {
  const changes = [{ field: "displayname", from: "Ann", to: "Ann B" }];
  assert.equal(updateLanded({ displayname: "Ann B" }, { ...current, displayname: "Ann B" }, changes), true);
  assert.equal(updateLanded({ displayname: "Ann B" }, current, changes), false);
  assert.equal(updateLanded({ displayname: "Ann B" }, { ...current, displayname: "Ann B" }, [...changes, { field: "password", from: null, to: "(new password)" }]), false);
});
