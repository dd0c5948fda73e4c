// lib/synapse registration tokens, federation, background updates and scheduled tasks against the real test Synapse.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRegistrationToken, deleteRegistrationToken, getRegistrationToken, listRegistrationTokens, updateRegistrationToken } from "@/lib/synapse/registration-tokens";
import { countFailingDestinations, getDestination, listDestinationRooms, listDestinations, resetDestinationConnection } from "@/lib/synapse/federation";
import { getBackgroundUpdates, setBackgroundUpdatesEnabled, startBackgroundJob } from "@/lib/synapse/background-updates";
import { listScheduledTasks } from "@/lib/synapse/scheduled-tasks";
import { sendServerNotice, singleNoticeTxnId, NOTICES_DISABLED_MESSAGE } from "@/lib/synapse/user-notices";
import { getUserActivity } from "@/lib/synapse/user-activity";
import { SynapseError } from "@/lib/synapse/errors";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { adminCreds, adminToken, api, loadPolicyTestbed, loadTestbed, passwordLogin, randomSuffix, serverName } from "../../e2e/synapse/testbed";
import { noticesReceived } from "../../e2e/notice-fixtures";
import { until } from "./until";
import { makeFailingDestination, registerWithToken, UNREACHABLE_SERVER } from "../../e2e/server-fixtures";

const tb = loadTestbed();
let creds: SynapseCredentials;

before(async () => {
  creds = await adminCreds();
});

describe("registration tokens", () => {
  test("create (typed and generated), read, list, edit, delete", async () => {
    const name = `it.tok~${randomSuffix()}_-`;
    const expiry = Date.now() + 3_600_000;
    const made = await createRegistrationToken(creds, { token: name, usesAllowed: 3, expiryTime: expiry });
    assert.deepEqual(made, { token: name, usesAllowed: 3, pending: 0, completed: 0, expiryTime: expiry });
    assert.deepEqual(await getRegistrationToken(creds, name), made);
    assert.ok((await listRegistrationTokens(creds)).some((t) => t.token === name));

    const generated = await createRegistrationToken(creds, { token: null, length: 20, usesAllowed: null, expiryTime: null });
    assert.match(generated.token, /^[A-Za-z0-9._~-]{20}$/);
    assert.equal(generated.usesAllowed, null);

    const edited = await updateRegistrationToken(creds, name, { usesAllowed: null, expiryTime: null });
    assert.equal(edited.usesAllowed, null);
    assert.equal(edited.expiryTime, null);

    await deleteRegistrationToken(creds, name);
    await deleteRegistrationToken(creds, generated.token);
    assert.equal(await getRegistrationToken(creds, name), null);
    await assert.rejects(deleteRegistrationToken(creds, name), (e: unknown) => e instanceof SynapseError && e.status === 404);
  });

  test("Synapse refuses a duplicate and a past expiry", async () => {
    const name = `dup${randomSuffix()}`;
    await createRegistrationToken(creds, { token: name, usesAllowed: 1, expiryTime: null });
    await assert.rejects(createRegistrationToken(creds, { token: name, usesAllowed: 1, expiryTime: null }), (e: unknown) => e instanceof SynapseError && e.errcode === "M_INVALID_PARAM");
    await assert.rejects(updateRegistrationToken(creds, name, { usesAllowed: 1, expiryTime: Date.now() - 60_000 }), (e: unknown) => e instanceof SynapseError && e.status === 400);
    await deleteRegistrationToken(creds, name);
  });

  test("a token lets a new user register through the client API, and counts the registration", async () => {
    const name = `reg${randomSuffix()}`;
    await createRegistrationToken(creds, { token: name, usesAllowed: 1, expiryTime: null });
    const username = `it-token-${randomSuffix()}`;
    const r = await registerWithToken(username, `pw-${randomSuffix()}-${randomSuffix()}`, name);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.user_id, `@${username}:${await serverName()}`);
    const after = await getRegistrationToken(creds, name);
    assert.equal(after?.completed, 1);
    // used up: a second registration is refused
    const again = await registerWithToken(`it-token-${randomSuffix()}`, `pw-${randomSuffix()}-${randomSuffix()}`, name);
    assert.notEqual(again.status, 200);
    await deleteRegistrationToken(creds, name);
  });
});

describe("federation destinations", () => {
  test("a failing destination is listed, read, counted, and reset clears its retry timings", async () => {
    await makeFailingDestination(creds.accessToken);
    const list = await listDestinations(creds, { search: "127.0.0.1", sort: "failure_ts", dir: "b" });
    const row = list.destinations.find((d) => d.destination === UNREACHABLE_SERVER);
    assert.ok(row && row.failureTs !== null && row.retryIntervalMs > 0, JSON.stringify(list));
    assert.equal((await listDestinations(creds, { search: "no-such-server.example", sort: "destination", dir: "f" })).destinations.length, 0);
    const failing = await countFailingDestinations(creds);
    assert.ok(failing.count >= 1);

    const d = await getDestination(creds, UNREACHABLE_SERVER);
    assert.ok(d?.failureTs);
    const rooms = await listDestinationRooms(creds, UNREACHABLE_SERVER, { from: 0, limit: 10 });
    assert.deepEqual(rooms, { rooms: [], total: 0 });

    await resetDestinationConnection(creds, UNREACHABLE_SERVER);
    const reset = await getDestination(creds, UNREACHABLE_SERVER);
    assert.equal(reset?.failureTs, null);
    assert.equal(reset?.retryIntervalMs, 0);
    // nothing to reset any more: Synapse says so
    await assert.rejects(resetDestinationConnection(creds, UNREACHABLE_SERVER), (e: unknown) => e instanceof SynapseError && e.status === 400);
  });

  test("an unknown destination is null, not an error", async () => {
    assert.equal(await getDestination(creds, "unknown.example"), null);
    assert.equal(await listDestinationRooms(creds, "unknown.example", { from: 0, limit: 10 }), null);
  });
});

describe("background updates", () => {
  test("status, pause and resume, and the documented jobs", async () => {
    const s = await getBackgroundUpdates(creds);
    assert.equal(typeof s.enabled, "boolean");
    assert.ok(Array.isArray(s.running));
    assert.equal(await setBackgroundUpdatesEnabled(creds, false), false);
    assert.equal((await getBackgroundUpdates(creds)).enabled, false);
    assert.equal(await setBackgroundUpdatesEnabled(creds, true), true);
    assert.equal((await getBackgroundUpdates(creds)).enabled, true);
    await startBackgroundJob(creds, "populate_stats_process_rooms");
    // the same job again while it is queued or running: Synapse refuses it
    await assert.rejects(startBackgroundJob(creds, "populate_stats_process_rooms"), (e: unknown) => e instanceof SynapseError && e.status === 400);
    for (let i = 0; i < 100 && (await getBackgroundUpdates(creds)).running.length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    await startBackgroundJob(creds, "regenerate_directory");
  });
});

describe("scheduled tasks", () => {
  test("a room delete shows up as a task for that room, and the filters apply", async () => {
    const token = creds.accessToken;
    const room = await api<{ room_id: string }>("/_matrix/client/v3/createRoom", { method: "POST", token, body: { name: `tasks ${randomSuffix()}` } });
    const roomId = room.body.room_id;
    const del = await api<{ delete_id: string }>(`/_synapse/admin/v2/rooms/${encodeURIComponent(roomId)}`, { method: "DELETE", token, body: { purge: true } });
    assert.equal(del.status, 200);
    // The task's status and timestamp change while it runs; read the filters once it has finished.
    const tasks = await until("the delete listed as complete", async () => {
      const t = await listScheduledTasks(creds, { resourceId: roomId });
      return t.length === 1 && t[0].status === "complete" ? t : null;
    }, 30_000);
    assert.equal(tasks.length, 1);
    assert.equal(tasks[0].status, "complete");
    assert.equal(tasks[0].id, del.body.delete_id);
    assert.equal(tasks[0].resourceId, roomId);
    assert.equal((await listScheduledTasks(creds, { resourceId: roomId, action: "purge_history" })).length, 0);
    assert.equal((await listScheduledTasks(creds, { resourceId: roomId, beforeTs: tasks[0].timestampMs - 1 })).length, 0);
    const byStatus = await listScheduledTasks(creds, { resourceId: roomId, status: tasks[0].status });
    assert.equal(byStatus.length, 1);
  });
});

describe("server notices and the dashboard's user figures", () => {
  // Only the provisioned test bed has a server without server_notices (its policy server).
  const policy = loadPolicyTestbed();
  if (policy) test("notices on a server without server_notices say how to enable them (the policy server has none)", async () => {
    const other = { baseUrl: policy.baseUrl, accessToken: await passwordLogin(policy.admin.userId, policy.admin.password, policy.baseUrl) };
    await assert.rejects(sendServerNotice({ creds: other, actor: policy.admin.userId }, policy.admin.userId, "hello", singleNoticeTxnId()), (e: unknown) => e instanceof PortalRefusal && e.message === NOTICES_DISABLED_MESSAGE);
  });

  test("a notice sent twice with one txn id and one token arrives once", async () => {
    const user = `@notice-once-${randomSuffix()}:${await serverName()}`;
    assert.equal((await api(`/_synapse/admin/v2/users/${encodeURIComponent(user)}`, { method: "PUT", token: creds.accessToken, body: {} })).status, 201);
    const txn = singleNoticeTxnId();
    const first = await sendServerNotice({ creds, actor: tb.admin.userId }, user, "once", txn);
    const again = await sendServerNotice({ creds, actor: tb.admin.userId }, user, "once", txn);
    assert.equal(again.eventId, first.eventId, "Synapse answered the repeat from its transaction cache");
    assert.deepEqual(await noticesReceived(user), ["once"]);
  });

  test("registrations per month and active users match the user list", async () => {
    const token = creds.accessToken;
    const all = await api<{ users: { creation_ts: number; last_seen_ts: number | null }[]; total: number }>("/_synapse/admin/v3/users?limit=100000&locked=true", { token });
    const now = Date.now();
    const activity = await getUserActivity(creds, 12, now);
    assert.equal(activity.perMonth.length, 12);
    const thisMonth = new Date(now).toISOString().slice(0, 7);
    assert.equal(activity.perMonth.at(-1)?.month, thisMonth);
    const expectedThisMonth = all.body.users.filter((u) => new Date(u.creation_ts).toISOString().slice(0, 7) === thisMonth).length;
    // other test files may add users meanwhile: never fewer than before the call
    assert.ok(activity.perMonth.at(-1)!.count >= expectedThisMonth);
    assert.ok(activity.perMonth.at(-1)!.count > 0);
    const active30 = all.body.users.filter((u) => u.last_seen_ts && u.last_seen_ts >= now - 30 * 86_400_000).length;
    assert.ok(activity.active.find((a) => a.days === 30)!.count >= active30);
    assert.ok(active30 >= 1); // the admin signed in
  });
});
