// lib/db (audit log, purge history) and the audit helper against a real, migrated SQLite file.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { withAudit } from "@/lib/audit/record";
import { forHomeserver } from "@/lib/db/tenant";
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
