// lib/synapse/users*.ts against the real test Synapse: list filters, inactivity window, create/edit,
// lifecycle, sessions and settings. Effects are read back with the test bed's own API calls.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { messageIn } from "@/lib/i18n/translator";
import { adminCreds, api, createUser, loadTestbed, passwordLogin, randomSuffix, serverName } from "../../e2e/synapse/testbed";
import { usersQuerySchema, type UsersFilter } from "@/lib/schemas/users";
import { filterOf } from "@/lib/schemas/users";
import { createUser as createUserLib, getUser, iterateUsers, listUsers, updateUser, type ActorContext } from "@/lib/synapse/users";
import { createLoginToken, deactivateUser, reactivateUser, resetPassword, setUserFlag } from "@/lib/synapse/user-lifecycle";
import { deleteDevices, listDevices, logoutEverywhere } from "@/lib/synapse/user-sessions";
import { getExperimentalFeatures, getMediaSummary, getRateLimitOverride, setExperimentalFeatures, setRateLimitOverride } from "@/lib/synapse/user-data";
import { startBulkFromInput } from "@/lib/jobs/user-bulk";
import { getJobView, resumeJob } from "@/lib/jobs/jobs";
import { forHomeserver } from "@/lib/db/tenant";
import { ended, stopTestRuntimes, testRuntime, until } from "./job-helpers";
import { getJob, setItemFenced } from "@/lib/db/jobs";
import { claimNext } from "@/lib/db/leases";
import { refusal } from "./rejection";
import { PortalRefusal } from "@/lib/synapse/describe-error";

const tb = loadTestbed();
let ctx: ActorContext;
let server: string;
const prefix = `itu${randomSuffix()}`;
const ids: Record<string, string> = {};

const filter = (over: Record<string, unknown> = {}): UsersFilter => filterOf(usersQuerySchema.parse({ q: prefix, ...over }));
const names = async (f: UsersFilter, limit = 100) => (await listUsers(ctx.creds, f, { offset: 0, limit })).users.map((u) => u.localpart);
const putUser = (userId: string, body: Record<string, unknown>) =>
  api(`/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, { method: "PUT", token: ctx.creds.accessToken, body });
const getRaw = async (userId: string) => (await api<Record<string, unknown>>(`/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, { token: ctx.creds.accessToken })).body;


before(async () => {
  ctx = { creds: await adminCreds(), actor: tb.admin.userId };
  server = await serverName();
  // Cheap users (no password): a, b (admin), c (bot), d (deactivated), e (locked).
  for (const [k, body] of Object.entries({
    a: { displayname: "Alpha Person" },
    b: { displayname: "Bravo Admin", admin: true },
    c: { displayname: `Charlie ${prefix}`, user_type: "bot" },
    d: { displayname: "Delta Gone" },
    e: { displayname: "Echo Locked" },
  })) {
    ids[k] = `@${prefix}-${k}:${server}`;
    const r = await putUser(ids[k], body);
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  assert.equal((await putUser(ids.d, { deactivated: true })).status, 200);
  assert.equal((await putUser(ids.e, { locked: true })).status, 200);
});

describe("listUsers", () => {
  test("shows all accounts by default, locked and deactivated included", async () => {
    assert.deepEqual(await names(filter()), ["a", "b", "c", "d", "e"].map((k) => `${prefix}-${k}`));
  });

  test("filters map to Synapse's query: deactivated, admins, locked, hidden types", async () => {
    assert.deepEqual(await names(filter({ deactivated: "only" })), [`${prefix}-d`]);
    assert.ok(!(await names(filter({ deactivated: "exclude" }))).includes(`${prefix}-d`));
    assert.deepEqual(await names(filter({ admins: "only" })), [`${prefix}-b`]);
    assert.ok(!(await names(filter({ locked: "exclude" }))).includes(`${prefix}-e`));
    assert.ok(!(await names(filter({ hide: "bot" }))).includes(`${prefix}-c`));
    assert.deepEqual(await names(filter({ hide: "regular" })), [`${prefix}-c`]);
  });

  test("search by display name and by full MXID; sort and page", async () => {
    assert.deepEqual(await names(filterOf(usersQuerySchema.parse({ q: `Charlie ${prefix}` }))), [`${prefix}-c`]);
    assert.deepEqual(await names(filterOf(usersQuerySchema.parse({ q: ids.b }))), [`${prefix}-b`]);
    const desc = await names(filter({ sort: "displayname", dir: "desc" }));
    assert.deepEqual(desc, ["e", "d", "c", "b", "a"].map((k) => `${prefix}-${k}`));
    const page2 = await listUsers(ctx.creds, filter(), { offset: 2, limit: 2 });
    assert.equal(page2.total, 5);
    assert.deepEqual(page2.users.map((u) => u.localpart), [`${prefix}-c`, `${prefix}-d`]);
    const row = page2.users[0];
    assert.equal(row.userType, "bot");
    assert.ok(Math.abs(row.createdAt - Date.now()) < 10 * 60_000, "creation time is in ms");
  });

  test("inactive for N days keeps never-seen users and drops recently seen ones", async () => {
    const password = `pw-${randomSuffix()}`;
    const seen = await createUser(`${prefix}-seen`, password);
    // Synapse records a client's IP and time on authenticated requests (not on /login itself).
    await api("/_matrix/client/v3/account/whoami", { token: await passwordLogin(seen, password) });
    // Synapse writes client IPs to its database in batches (every few seconds).
    let inactive: string[] = [];
    for (let i = 0; i < 40; i++) {
      const u = await getUser(ctx.creds, seen);
      if (u?.lastSeenAt) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    inactive = await names(filter({ inactive: "1" }));
    assert.ok(!inactive.includes(`${prefix}-seen`), "the user who just logged in is active");
    assert.ok(inactive.includes(`${prefix}-a`), "never-seen users count as inactive");
    const page = await listUsers(ctx.creds, filter({ inactive: "1" }), { offset: 1, limit: 2 });
    assert.equal(page.total, 5);
    assert.equal(page.users.length, 2);
    // Far in the future "now": everyone is inactive.
    const all = await listUsers(ctx.creds, filter({ inactive: "1" }), { offset: 0, limit: 10 }, Date.now() + 3 * 86_400_000);
    assert.equal(all.total, 6);
  });

  test("iterateUsers walks every page", async () => {
    const seen: string[] = [];
    for await (const page of iterateUsers(ctx.creds, filter(), { batch: 2 })) seen.push(...page.map((u) => u.localpart));
    assert.equal(seen.length, 6);
    assert.equal(new Set(seen).size, 6);
  });
});

describe("create and edit", () => {
  test("creates with a generated password that works, and refuses an existing name", async () => {
    const localpart = `${prefix}-new`;
    const r = await createUserLib(ctx, { localpart, displayname: "New One", passwordMode: "generate", password: "", admin: false, userType: "" });
    assert.equal(r.userId, `@${localpart}:${server}`);
    assert.ok(r.generatedPassword && r.generatedPassword.length >= 16);
    await passwordLogin(r.userId, r.generatedPassword);
    const again = await refusal(createUserLib(ctx, { localpart, displayname: "Other", passwordMode: "none", password: "", admin: true, userType: "" }));
    assert.equal(again.code, "M_USER_IN_USE");
    assert.match(again.message, /already exists/);
    const raw = await getRaw(r.userId);
    assert.equal(raw.displayname, "New One", "the existing user was not modified");
    assert.equal(raw.admin, false);
  });

  test("edits display name, type, threepids and external ids; never creates", async () => {
    await updateUser(ctx, {
      userId: ids.a,
      displayname: "Alpha Edited",
      admin: false,
      userType: "support",
      threepids: [{ medium: "email", address: `${prefix}@example.org` }],
      externalIds: [{ authProvider: "oidc-test", externalId: `${prefix}-ext` }],
    });
    const raw = (await getRaw(ids.a)) as { displayname: string; user_type: string; threepids: { address: string }[]; external_ids: { external_id: string }[] };
    assert.equal(raw.displayname, "Alpha Edited");
    assert.equal(raw.user_type, "support");
    assert.deepEqual(raw.threepids.map((t) => t.address), [`${prefix}@example.org`]);
    assert.deepEqual(raw.external_ids.map((e) => e.external_id), [`${prefix}-ext`]);
    const missing = await refusal(updateUser(ctx, { userId: `@${prefix}-nobody:${server}`, displayname: "x", admin: false, userType: "", threepids: [], externalIds: [] }));
    assert.equal(missing.code, "M_NOT_FOUND");
    assert.equal((await api(`/_synapse/admin/v2/users/${encodeURIComponent(`@${prefix}-nobody:${server}`)}`, { token: ctx.creds.accessToken })).status, 404);
  });

  test("refuses remote users and demoting yourself without calling Synapse", async () => {
    const remote = await refusal(updateUser(ctx, { userId: "@x:elsewhere.example", displayname: "x", admin: false, userType: "", threepids: [], externalIds: [] }));
    assert.equal(remote.code, "REMOTE_USER");
    const self = await refusal(updateUser(ctx, { userId: ctx.actor, displayname: "Me", admin: false, userType: "", threepids: [], externalIds: [] }));
    assert.equal(self.code, "SELF_PROTECTION");
    assert.equal((await getRaw(ctx.actor)).admin, true);
  });
});

describe("lifecycle", () => {
  test("reset password with and without logging out", async () => {
    const userId = await createUser(`${prefix}-pw`, "first-password");
    const t1 = await passwordLogin(userId, "first-password");
    await resetPassword(ctx, userId, "second-password", false);
    assert.equal((await api("/_matrix/client/v3/account/whoami", { token: t1 })).status, 200, "kept devices: the old token works");
    const { generatedPassword } = await resetPassword(ctx, userId, null, true);
    assert.equal((await api("/_matrix/client/v3/account/whoami", { token: t1 })).status, 401, "logged out: the old token is rejected");
    await passwordLogin(userId, generatedPassword!);
  });

  test("deactivate, refuse self, reactivate with a password", async () => {
    const self = await refusal(deactivateUser(ctx, ctx.actor, false));
    assert.equal(self.code, "SELF_PROTECTION");
    await deactivateUser(ctx, ids.b, true);
    const raw = await getRaw(ids.b);
    assert.equal(raw.deactivated, true);
    assert.equal(raw.erased, true);
    await reactivateUser(ctx, ids.b, "back-again-pw");
    assert.equal((await getRaw(ids.b)).deactivated, false);
    await passwordLogin(ids.b, "back-again-pw");
  });

  test("lock, suspend and shadow-ban set and clear", async () => {
    for (const [flag, field] of [["locked", "locked"], ["suspended", "suspended"], ["shadowBanned", "shadow_banned"]] as const) {
      await setUserFlag(ctx, ids.c, flag, true);
      assert.equal((await getRaw(ids.c))[field], true, `${flag} set`);
      await setUserFlag(ctx, ids.c, flag, false);
      assert.equal((await getRaw(ids.c))[field], false, `${flag} cleared`);
    }
    assert.equal((await refusal(setUserFlag(ctx, ctx.actor, "locked", true))).code, "SELF_PROTECTION");
  });

  test("login-as token acts as the user and expires when asked", async () => {
    const { accessToken, validUntil } = await createLoginToken(ctx, ids.c, 10);
    assert.ok(validUntil > Date.now());
    const who = await api<{ user_id: string }>("/_matrix/client/v3/account/whoami", { token: accessToken });
    assert.equal(who.body.user_id, ids.c);
  });
});

describe("sessions and settings", () => {
  test("log out everywhere deletes every device", async () => {
    const userId = await createUser(`${prefix}-dev`, "device-pw");
    const token = await passwordLogin(userId, "device-pw");
    await passwordLogin(userId, "device-pw");
    assert.equal((await listDevices(ctx.creds, userId)).length, 2);
    assert.equal(await logoutEverywhere(ctx, userId), 2);
    assert.equal((await listDevices(ctx.creds, userId)).length, 0);
    assert.equal((await api("/_matrix/client/v3/account/whoami", { token })).status, 401);
  });

  test("an admin cannot delete this session's device or log themselves out everywhere", async () => {
    const me = await api<{ device_id: string }>("/_matrix/client/v3/account/whoami", { token: ctx.creds.accessToken });
    const refusedDevice = await refusal(deleteDevices({ ...ctx, deviceId: me.body.device_id }, ctx.actor, [me.body.device_id]));
    assert.equal(refusedDevice.code, "SELF_PROTECTION");
    assert.equal((await refusal(logoutEverywhere(ctx, ctx.actor))).code, "SELF_PROTECTION");
    assert.equal((await api("/_matrix/client/v3/account/whoami", { token: ctx.creds.accessToken })).status, 200);
  });

  test("rate-limit override and experimental features round-trip", async () => {
    assert.equal(await getRateLimitOverride(ctx.creds, ids.a), null);
    await setRateLimitOverride(ctx, ids.a, { messagesPerSecond: 5, burstCount: 7 });
    assert.deepEqual(await getRateLimitOverride(ctx.creds, ids.a), { messagesPerSecond: 5, burstCount: 7 });
    await setRateLimitOverride(ctx, ids.a, null);
    assert.equal(await getRateLimitOverride(ctx.creds, ids.a), null);
    await setExperimentalFeatures(ctx, ids.a, { msc3881: true, msc3575: false, msc4222: true });
    assert.deepEqual(await getExperimentalFeatures(ctx.creds, ids.a), { msc3881: true, msc3575: false, msc4222: true });
  });

  test("media summary counts the user's uploads", async () => {
    const userId = await createUser(`${prefix}-media`, "media-pw");
    const token = await passwordLogin(userId, "media-pw");
    for (const body of ["one", "three"]) {
      const r = await fetch(`${tb.baseUrl}/_matrix/media/v3/upload?filename=x.txt`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
        body,
      });
      assert.equal(r.status, 200);
    }
    assert.deepEqual(await getMediaSummary(ctx.creds, userId), { count: 2, bytes: 8 });
    assert.deepEqual(await getMediaSummary(ctx.creds, ids.a), { count: 0, bytes: 0 });
  });
});

describe("bulk jobs", () => {
  test("locks every user matching a filter; a failure (yourself) does not stop the rest", async () => {
    const bulkPrefix = `${prefix}bulk`;
    const targets: string[] = [];
    for (let i = 0; i < 5; i++) {
      targets.push(`@${bulkPrefix}-${i}:${server}`);
      assert.equal((await putUser(targets[i], {})).status, 201);
    }
    const owner = { ...ctx, homeserver: tb.baseUrl };
    testRuntime("bulk").start();
    const { jobId: id } = await startBulkFromInput(owner, { action: "lock", userIds: [...targets, ctx.actor], expectedCount: 6, notice: "" });
    const job = await ended(id);
    assert.equal(job.status, "completed");
    assert.equal(job.done, 6);
    assert.equal(job.failed, 1);
    const items = (await forHomeserver(tb.baseUrl).jobs.listItems(id, {}, { skip: 0, take: 10 }))!.rows;
    assert.match(messageIn(items.find((r) => r.key === ctx.actor)?.message ?? ""), /your own account/);
    for (const t of targets) assert.equal((await getRaw(t)).locked, true);
    assert.equal(await getJobView("https://other.example.org", id), null, "another homeserver's admins do not see the job");
    const audit = await forHomeserver(tb.baseUrl).audit.list({ action: "user.bulk.lock", target: targets[0] }, { skip: 0, take: 5 });
    assert.deepEqual(audit.rows.map((e) => e.outcome), ["ok"], "one audit entry per user");

    await assert.rejects(
      startBulkFromInput(owner, { action: "unlock", userIds: [], filter: `q=${bulkPrefix}`, expectedCount: 4, notice: "" }),
      (e: unknown) => e instanceof PortalRefusal && e.code === "COUNT_CHANGED",
    );
    const { jobId: unlock } = await startBulkFromInput(owner, { action: "unlock", userIds: [], filter: `q=${bulkPrefix}`, expectedCount: 5, notice: "" });
    const u = await ended(unlock);
    assert.equal(u.status, "completed");
    assert.equal(u.total, 5);
    assert.equal(u.failed, 0);
    for (const t of targets) assert.equal((await getRaw(t)).locked, false);
    await assert.rejects(
      startBulkFromInput(owner, { action: "lock", userIds: ["@someone:elsewhere.example"], expectedCount: 1, notice: "" }),
      (e: unknown) => e instanceof PortalRefusal && e.code === "REMOTE_USER",
    );
  });

  test("a job whose token is revoked pauses; Resume goes on with the resuming admin's session, nobody twice", async () => {
    const p = `${prefix}tok`;
    const targets = Array.from({ length: 6 }, (_, i) => `@${p}-${i}:${server}`);
    for (const t of targets) assert.equal((await putUser(t, {})).status, 201);
    const password = `pw-${randomSuffix()}`;
    const other = await createUser(`${p}-admin`, password, { admin: true });
    const token = await passwordLogin(other, password);
    const owner = { creds: { baseUrl: tb.baseUrl, accessToken: token }, actor: other, homeserver: tb.baseUrl };
    const { jobId } = await startBulkFromInput(owner, { action: "lock", userIds: targets, expectedCount: 6, notice: "" });
    // Signed out before any instance ran it: every call is refused (401), so nothing happened on Synapse.
    assert.equal((await api("/_matrix/client/v3/logout", { method: "POST", token, body: {} })).status, 200);
    testRuntime("tok").start();
    const paused = await ended(jobId);
    assert.equal(paused.status, "paused");
    assert.match(messageIn(paused.message ?? ""), /access token stopped working/);
    assert.equal(paused.credential, null);
    const items = (await forHomeserver(tb.baseUrl).jobs.listItems(jobId, {}, { skip: 0, take: 10 }))!.rows;
    assert.deepEqual(new Set(items.map((r) => r.status)), new Set(["pending"]), "refused users go back to pending");
    await resumeJob({ ...ctx, homeserver: tb.baseUrl }, jobId);
    const done = await ended(jobId);
    assert.equal(done.status, "completed");
    assert.equal(done.done, 6);
    for (const t of targets) assert.equal((await getRaw(t)).locked, true);
  });

  test("a bulk deactivation of 200 users survives its instance dying: taken over, every user deactivated once", async () => {
    const p = `${prefix}dz`;
    const targets = Array.from({ length: 200 }, (_, i) => `@${p}-${String(i).padStart(3, "0")}:${server}`);
    for (const t of targets) assert.equal((await putUser(t, {})).status, 201);
    // Only A and then B may run jobs: the earlier tests' runtimes would take over before the "dead owner" below.
    await stopTestRuntimes();
    const owner = { ...ctx, homeserver: tb.baseUrl };
    const { jobId } = await startBulkFromInput(owner, { action: "deactivate", userIds: [], filter: `q=${p}-`, expectedCount: 200, notice: "" });
    const a = testRuntime("dz-a").start();
    await until("20 deactivated on A", async () => ((await getJob(jobId))!.done >= 20 ? true : null), 120_000);
    a.kill();
    await a.settled("job", jobId);
    // The dead owner's last step: a user marked in flight and deactivated on Synapse, the outcome never recorded.
    const dead = await until("A's lease expired", () => claimNext({ table: "job", statuses: ["running"], skip: [], owner: "dead", leaseMs: 400 }));
    const [item] = (await forHomeserver(tb.baseUrl).jobs.listItems(jobId, { statuses: ["pending"] }, { skip: 0, take: 1 }))!.rows;
    await setItemFenced(dead, item.id, "in-flight");
    assert.equal((await api(`/_synapse/admin/v1/deactivate/${encodeURIComponent(item.key)}`, { method: "POST", token: ctx.creds.accessToken, body: {} })).status, 200);
    await new Promise((r) => setTimeout(r, 500));
    testRuntime("dz-b").start();
    const job = await ended(jobId);
    assert.equal(job.status, "completed", job.message ?? "");
    assert.equal(job.done, 200);
    assert.equal(job.failed, 0, "the user found deactivated on Synapse counts as done, not failed");
    const items = (await forHomeserver(tb.baseUrl).jobs.listItems(jobId, {}, { skip: 0, take: 300 }))!.rows;
    assert.equal(messageIn(items.find((r) => r.id === item.id)?.message ?? ""), "deactivated (found done on Synapse)");
    for (const t of targets) assert.equal((await getRaw(t)).deactivated, true, t);
    for (const t of targets.slice(0, 40)) {
      const entries = (await forHomeserver(tb.baseUrl).audit.list({ action: "user.bulk.deactivate", target: t }, { skip: 0, take: 5 })).rows;
      assert.deepEqual(entries.map((e) => e.outcome), ["ok"], `${t}: one audit entry`);
    }
  });
});
