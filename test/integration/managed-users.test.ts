// Bridge and bot users against the real test Synapse: a homeserver's managed-user pattern (validated,
// stored per homeserver) and Synapse's appservice flag keep users out of "all matching" bulk actions and
// notice broadcasts; users picked one by one are acted on; deactivating a managed user needs a confirmation
// that says why.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { listItems } from "@/lib/db/jobs";
import { forHomeserver } from "@/lib/db/tenant";
import { assertManagedConfirmed } from "@/lib/actions/managed-user-guard";
import { startBroadcast } from "@/lib/jobs/notice-broadcast";
import { startBulkFromInput } from "@/lib/jobs/user-bulk";
import { managedUsersSettingSchema } from "@/lib/schemas/settings";
import { bulkStartSchema } from "@/lib/schemas/users";
import { getUser } from "@/lib/synapse/users";
import { adminToken, api, loadTestbed, randomSuffix, serverName } from "../../e2e/synapse/testbed";
import { noticesReceived, registerBridgeUser } from "../../e2e/notice-fixtures";
import { ended, stopTestRuntimes, testRuntime } from "./job-helpers";
import { messageIn } from "@/lib/i18n/translator";

const tb = loadTestbed();
let owner: { creds: { baseUrl: string; accessToken: string }; actor: string; homeserver: string };
let server: string;
const putUser = async (localpart: string) => {
  const id = `@${localpart}:${server}`;
  assert.equal((await api(`/_synapse/admin/v2/users/${encodeURIComponent(id)}`, { method: "PUT", token: owner.creds.accessToken, body: {} })).status, 201);
  return id;
};

before(async () => {
  owner = { creds: { baseUrl: tb.baseUrl, accessToken: await adminToken() }, actor: tb.admin.userId, homeserver: tb.baseUrl };
  server = await serverName();
});

describe("managed (bridge and bot) users", () => {
  test("a pattern that is not a regex is refused with the reason; a good one is stored for this homeserver only", async () => {
    const bad = managedUsersSettingSchema.safeParse({ pattern: "^@tg_([a-z" });
    assert.equal(bad.success, false);
    assert.match(messageIn(bad.error!.issues[0].message, "en"), /^"\^@tg_\(\[a-z" is not a valid regular expression: Unterminated character class\.$/);
    assert.equal(managedUsersSettingSchema.parse({ pattern: "  " }).pattern, "");
    const other = `https://other-${randomSuffix()}.example.org`;
    await forHomeserver(other).settings.setManagedUserPattern("^@x_", "@a:other");
    assert.equal((await forHomeserver(other).settings.get()).managedUserPattern, "^@x_");
    assert.equal((await forHomeserver(`https://none-${randomSuffix()}.example.org`).settings.get()).managedUserPattern, null);
  });

  test("lock all matching leaves out the pattern's users and the appservice's; picked one by one they are locked", async () => {
    const p = `mg${randomSuffix()}`;
    await forHomeserver(owner.homeserver).settings.setManagedUserPattern(`^@(bridge_)?${p}-tg-`, owner.actor);
    const plain = await putUser(`${p}-plain`);
    const tg = await putUser(`${p}-tg-1`);
    const bridged = await registerBridgeUser(`bridge_${p}-as`);
    testRuntime("mg");
    const all = await startBulkFromInput(owner, bulkStartSchema.parse({ action: "lock", filter: `q=${p}-`, expectedCount: 3 }));
    assert.equal((await ended(all.jobId)).status, "completed");
    const items = (await listItems(all.jobId, {}, { skip: 0, take: 10 })).rows;
    assert.deepEqual(
      Object.fromEntries(items.map((r) => [r.key, [r.status, r.message && messageIn(r.message, "en")]])),
      {
        [plain]: ["ok", null],
        [tg]: ["skipped", `Bridge or bot user (matches ^@(bridge_)?${p}-tg-): left out.`],
        [bridged]: ["skipped", "Application service user (test-bridge): left out."],
      },
    );
    assert.deepEqual([(await getUser(owner.creds, plain))!.locked, (await getUser(owner.creds, tg))!.locked, (await getUser(owner.creds, bridged))!.locked], [true, false, false]);

    const picked = await startBulkFromInput(owner, bulkStartSchema.parse({ action: "lock", userIds: [tg], expectedCount: 1 }));
    assert.equal((await ended(picked.jobId)).status, "completed");
    assert.equal((await getUser(owner.creds, tg))!.locked, true, "a managed user the admin picked is acted on");
    await stopTestRuntimes();
  });

  test("a notice broadcast leaves out users matching the pattern", async () => {
    const p = `mn${randomSuffix()}`;
    await forHomeserver(owner.homeserver).settings.setManagedUserPattern(`-bot:`, owner.actor);
    const person = await putUser(`${p}-person`);
    const bot = await putUser(`${p}-bot`);
    testRuntime("mn");
    const { jobId } = await startBroadcast(owner, { text: `Hello ${p}`, audience: "filter", filter: `q=${p}-`, includeAppservice: false, expectedCount: 2 });
    assert.equal((await ended(jobId)).status, "completed");
    assert.deepEqual(await noticesReceived(person), [`Hello ${p}`]);
    assert.deepEqual(await noticesReceived(bot), []);
    const skipped = (await listItems(jobId, { statuses: ["skipped"] }, { skip: 0, take: 5 })).rows;
    assert.deepEqual(skipped.map((r) => [r.key, messageIn(r.message ?? "", "en")]), [[bot, "Bridge or bot user (matches -bot:): left out."]]);
    await stopTestRuntimes();
  });

  test("deactivating a managed user needs a confirmation that says why", async () => {
    const p = `md${randomSuffix()}`;
    await forHomeserver(owner.homeserver).settings.setManagedUserPattern(`^@${p}-tg-`, owner.actor);
    const tg = await putUser(`${p}-tg-1`);
    const plain = await putUser(`${p}-plain`);
    // The refusal is a message reference; the admin reads it in English here, and in German.
    const refused = await assertManagedConfirmed(owner, tg, false, "deactivate").then(() => "", (e: Error) => e.message);
    assert.match(messageIn(refused), new RegExp(`is a managed user: its ID matches this server's bridge and bot pattern \\^@${p}-tg-\\. Confirm that you mean to deactivate it\\.$`));
    assert.match(messageIn(refused, "de"), /ist ein verwalteter Benutzer: Seine ID passt .* Bestätigen Sie, dass Sie ihn deaktivieren möchten\.$/);
    await assertManagedConfirmed(owner, tg, true, "deactivate");
    await assertManagedConfirmed(owner, plain, false, "deactivate");
    await forHomeserver(owner.homeserver).settings.setManagedUserPattern(null, owner.actor);
  });
});
