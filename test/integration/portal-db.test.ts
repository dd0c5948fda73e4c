// lib/db (audit log, purge history) and the audit helper against a real, migrated SQLite file.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { withAudit } from "@/lib/audit/record";
import { forHomeserver } from "@/lib/db/tenant";
import { dbProvider } from "@/lib/db/client";
import { DEFAULT_IMPORT_OPTIONS } from "@/lib/schemas/import";
import { SynapseError } from "@/lib/synapse/errors";
import { randomSuffix } from "../../e2e/synapse/testbed";

const ctx = () => ({ actor: `@auditor-${randomSuffix()}:example.org`, homeserver: "https://matrix.example.org" });

describe("withAudit", () => {
  test("records success with redacted parameters, and failure with the Synapse errcode", async () => {
    const c = ctx();
    const value = await withAudit(c, { action: "user.reset-password", target: "@bob:example.org", params: { new_password: "hunter2", logout_devices: true } }, async () => 42);
    assert.equal(value, 42);
    await assert.rejects(
      withAudit(c, { action: "user.demote", target: "@me:example.org" }, async () => {
        throw new SynapseError(400, "M_UNKNOWN", "You may not demote yourself.");
      }),
      SynapseError,
    );
    const { rows, total } = await forHomeserver(c.homeserver).audit.list({ actor: c.actor }, { skip: 0, take: 10 });
    assert.equal(total, 2);
    assert.equal(rows[0].action, "user.demote"); // newest first
    assert.equal(rows[0].outcome, "M_UNKNOWN");
    assert.equal(rows[0].message, "You may not demote yourself.");
    assert.equal(rows[1].outcome, "ok");
    assert.deepEqual(rows[1].params, { new_password: "[redacted]", logout_devices: true });
    const filtered = await forHomeserver(c.homeserver).audit.list({ actor: c.actor, action: "reset" }, { skip: 0, take: 10 });
    assert.equal(filtered.total, 1);
  });
});

describe("purge history", () => {
  test("a record is started, finished with counts and duration, listed, and summed", async () => {
    const c = ctx();
    const purges = forHomeserver(c.homeserver).purges;
    const id = await purges.start({ actor: c.actor, kind: "media.delete-by-date", scope: { beforeTs: 1, sizeGt: 0, keepProfiles: true } });
    let { rows } = await purges.list({ actor: c.actor }, { skip: 0, take: 5 });
    assert.equal(rows[0].status, "running");
    await purges.finish(id, { status: "ok", filesDeleted: 3, bytesFreed: 5_000_000_000 });
    ({ rows } = await purges.list({ actor: c.actor }, { skip: 0, take: 5 }));
    assert.equal(rows[0].status, "ok");
    assert.equal(rows[0].filesDeleted, 3);
    assert.equal(rows[0].bytesFreed, 5_000_000_000);
    assert.ok(rows[0].durationMs !== null && rows[0].durationMs >= 0);
    assert.deepEqual(rows[0].scope, { beforeTs: 1, sizeGt: 0, keepProfiles: true });
    const hs = `https://hs-${randomSuffix()}.example.org`;
    const other = forHomeserver(hs).purges;
    const a = await other.start({ actor: c.actor, kind: "media.purge-remote-cache", scope: {} });
    await other.finish(a, { status: "ok", bytesFreed: 100 });
    const b = await other.start({ actor: c.actor, kind: "media.delete-selected", scope: {} });
    await other.finish(b, { status: "failed", bytesFreed: 999, error: "boom" });
    assert.equal(await other.bytesFreedSince(new Date(Date.now() - 86_400_000)), 100);
  });
});

// SQLite's LIKE ignores case, PostgreSQL's does not: every text filter goes through containsText (lib/db/dialect.ts).
describe(`text filters ignore case (${dbProvider()})`, () => {
  test("audit, purge history, import jobs and import rows match a search typed in another case", async () => {
    const s = randomSuffix();
    const hs = `https://case-${s}.example.org`;
    const t = forHomeserver(hs);
    const actor = `@Mixed.Case-${s}:Example.org`;
    await t.audit.insert({ actor, personName: "Ada Lovelace", personEmail: "Ada@Example.org", personSubject: null, action: "User.Deactivate", target: `@Target-${s}:Example.org`, params: null, outcome: "ok", message: null });
    const audit = (f: Parameters<typeof t.audit.list>[0]) => t.audit.list(f, { skip: 0, take: 5 }).then((r) => r.total);
    assert.equal(await audit({ actor: actor.toLowerCase() }), 1, "actor");
    assert.equal(await audit({ actor: actor.toUpperCase() }), 1, "actor, upper case");
    assert.equal(await audit({ person: "ada@EXAMPLE" }), 1, "person's e-mail");
    assert.equal(await audit({ person: "LOVELACE" }), 1, "person's name");
    assert.equal(await audit({ action: "user.deactivate" }), 1, "action");
    assert.equal(await audit({ target: `target-${s}`.toUpperCase() }), 1, "target");
    assert.equal(await audit({ actor: `@other-${s}` }), 0, "a search that does not match still matches nothing");

    const purge = await t.purges.start({ actor, kind: "media.delete-user-media", target: `@Uploader-${s}:Example.org`, scope: {} });
    await t.purges.finish(purge, { status: "ok", filesDeleted: 1, bytesFreed: 1 });
    assert.equal((await t.purges.list({ actor: actor.toLowerCase(), target: `UPLOADER-${s}` }, { skip: 0, take: 5 })).total, 1, "purge actor and target");

    const job = await t.importJobs.create({ actor, serverName: "example.org", fileName: "case.csv", dryRun: true, options: DEFAULT_IMPORT_OPTIONS, status: "review" });
    assert.equal((await t.importJobs.list({ actor: actor.toUpperCase() }, { skip: 0, take: 5 })).total, 1, "import job actor");
    await t.importRows.insert(job, [{ line: 2, userId: `@Row-${s}:example.org`, input: `{"displayname":"Grace HOPPER"}`, status: "would-create", errors: null, reason: "Already Exists", csvPassword: null }]);
    const rows = (q: string) => t.importRows.list(job, { q }, { skip: 0, take: 5 }).then((r) => r.total);
    assert.equal(await rows(`row-${s}`.toUpperCase()), 1, "row user id");
    assert.equal(await rows("grace hopper"), 1, "row input");
    assert.equal(await rows("already exists"), 1, "row reason");
  });
});
