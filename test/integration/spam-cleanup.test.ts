// The "user.spam-cleanup" job kind against the real test Synapse: two spammers (events and uploads made
// through the client API as themselves) are previewed, then cleaned up by a JobRuntime of this process;
// every step's effect is checked through Synapse's admin API. A takeover redoes only what is safe to redo.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { messageIn } from "@/lib/i18n/translator";
import { inEnglish } from "./rejection";
import { claimNext } from "@/lib/db/leases";
import { listItems, setItemFenced, updateJobFenced } from "@/lib/db/jobs";
import { listAuditEntries } from "@/lib/db/audit";
import { registerJobKind } from "@/lib/jobs/job-driver";
import type { JobRuntime } from "@/lib/jobs/runtime";
import { adminOwner, jobEnded, startRuntime, type Owner } from "./moderation-helpers";
import { previewSpamCleanup, startSpamCleanupJob } from "@/lib/jobs/moderation-start";
import { SPAM_CLEANUP, spamCleanupKind } from "@/lib/jobs/spam-cleanup";
import { startUserRedaction } from "@/lib/synapse/user-redact";
import { cleanupPreviewSchema, spamCleanupSchema } from "@/lib/schemas/moderation";
import { sleep } from "@/lib/pool";
import { api, randomSuffix } from "../../e2e/synapse/testbed";
import { createMember, seedRoom, joinRoom, sendText } from "../../e2e/rooms-fixtures";
import { upload } from "../../e2e/media-fixtures";

let owner: Owner;
const runtimes: JobRuntime[] = [];
registerJobKind(spamCleanupKind);
const admin = <T>(path: string) => api<T>(path, { token: owner.creds.accessToken });
const enc = encodeURIComponent;

before(async () => {
  owner = await adminOwner();
});
after(async () => {
  for (const rt of runtimes) await rt.stop(2000);
});

async function spammer(lobby: string) {
  const s = await createMember(`it-spam-${randomSuffix()}`);
  await joinRoom(s.token, lobby);
  await sendText(s.token, lobby, "buy now");
  const own = await seedRoom(s, `it-spam-room-${randomSuffix()}`, { messages: ["more spam"] });
  await upload(s.token, Buffer.from("spam file"), "text/plain", "spam.txt");
  return { ...s, own };
}
const spamBodies = async (roomId: string, sender: string) =>
  (await admin<{ chunk: { type: string; sender: string; content: { body?: string } }[] }>(`/_synapse/admin/v1/rooms/${enc(roomId)}/messages?dir=f&limit=200`)).body.chunk
    .filter((e) => e.type === "m.room.message" && e.sender === sender)
    .map((e) => e.content.body ?? null);

describe("user.spam-cleanup", () => {
  test("preview counts rooms and files, says events are unknown until run; then every step is done for every user", async () => {
    const host = await createMember(`it-host-${randomSuffix()}`);
    const lobby = await seedRoom(host, `it-lobby-${randomSuffix()}`, { messages: ["welcome"] });
    const [a, b] = [await spammer(lobby), await spammer(lobby)];
    const ghost = `@it-ghost-${randomSuffix()}:${owner.actor.split(":").slice(1).join(":")}`;

    const preview = await previewSpamCleanup(owner, [a.userId, b.userId, ghost]);
    assert.deepEqual(preview.rows.map((r) => [r.userId, r.exists, r.rooms, r.files]), [[a.userId, true, 2, 1], [b.userId, true, 2, 1], [ghost, false, 0, 0]]);
    assert.deepEqual({ ...preview.totals, bytes: undefined }, { users: 2, rooms: 4, files: 2, bytes: undefined });
    assert.equal(preview.events, null);

    startRuntime(runtimes);
    const input = spamCleanupSchema.parse({ userIds: [`${a.userId}\n${b.userId}`], steps: ["redact", "media", "rooms", "deactivate"], erase: true, reason: "spam" });
    const view = await startSpamCleanupJob(owner, input);
    assert.equal(view.total, 8);
    const job = await jobEnded(view.id);
    assert.equal(job.status, "completed", job.message ?? "");
    const items = (await listItems(view.id, {}, { skip: 0, take: 20 })).rows;
    assert.deepEqual(items.map((i) => i.key), [a, b].flatMap((u) => ["redact", "media", "rooms", "deactivate"].map((s) => `${u.userId}#${s}`)));
    assert.ok(items.every((i) => i.status === "ok"), JSON.stringify(items.map((i) => [i.key, i.status, i.message])));
    for (const u of [a, b]) {
      assert.deepEqual(await spamBodies(lobby, u.userId), [null], "the lobby message is redacted");
      assert.deepEqual(await spamBodies(u.own, u.userId), [null]);
      assert.equal((await admin<{ total: number }>(`/_synapse/admin/v1/users/${enc(u.userId)}/media`)).body.total, 0, "uploads deleted");
      assert.deepEqual((await admin<{ joined_rooms: string[] }>(`/_synapse/admin/v1/users/${enc(u.userId)}/joined_rooms`)).body.joined_rooms, []);
      const detail = (await admin<{ deactivated: boolean; erased: boolean }>(`/_synapse/admin/v2/users/${enc(u.userId)}`)).body;
      assert.deepEqual([detail.deactivated, detail.erased], [true, true]);
    }
    assert.deepEqual(await spamBodies(lobby, host.userId), ["welcome"], "the host's message is untouched");
    const audit = await listAuditEntries(owner.homeserver, { action: "user.spam-cleanup", target: a.userId }, { skip: 0, take: 20 });
    assert.deepEqual(audit.rows.map((r) => r.action).sort(), ["user.spam-cleanup.deactivate", "user.spam-cleanup.media", "user.spam-cleanup.redact", "user.spam-cleanup.rooms"]);
  });

  test("a takeover does not redact twice and redoes the idempotent step left in flight", async () => {
    const host = await createMember(`it-host-${randomSuffix()}`);
    const lobby = await seedRoom(host, `it-lobby-${randomSuffix()}`, {});
    const s = await spammer(lobby);
    for (const rt of runtimes.splice(0)) await rt.stop(2000);
    const view = await startSpamCleanupJob(owner, spamCleanupSchema.parse({ userIds: [s.userId], steps: ["redact", "media"] }));
    const dead = await claimNext({ table: "job", statuses: ["queued"], kinds: [SPAM_CLEANUP], skip: [], owner: "dead", leaseMs: 500 });
    assert.equal(dead?.id, view.id);
    const [redact, media] = (await listItems(view.id, {}, { skip: 0, take: 5 })).rows;
    await setItemFenced(dead!, redact.id, "in-flight");
    const sent = await startUserRedaction(owner.creds, s.userId, { rooms: [] });
    await updateJobFenced(dead!, { result: { redactIds: { [redact.key]: sent } } });
    await setItemFenced(dead!, media.id, "in-flight"); // as if it died right after this
    await sleep(600);
    startRuntime(runtimes);
    const job = await jobEnded(view.id);
    assert.equal(job.status, "completed", job.message ?? "");
    const tasks = (await admin<{ scheduled_tasks: { id: string }[] }>(`/_synapse/admin/v1/scheduled_tasks?action_name=redact_all_events&resource_id=${enc(s.userId)}`)).body.scheduled_tasks;
    assert.deepEqual(tasks.map((t) => t.id), [sent]);
    const items = (await listItems(view.id, {}, { skip: 0, take: 5 })).rows;
    assert.deepEqual(items.map((i) => i.status), ["ok", "ok"]);
    assert.equal((await admin<{ total: number }>(`/_synapse/admin/v1/users/${enc(s.userId)}/media`)).body.total, 0);
  });

  test("a locked spammer: redacted, the leave step says why it is left to deactivation, which removes them from the rooms", async () => {
    const host = await createMember(`it-host-${randomSuffix()}`);
    const lobby = await seedRoom(host, `it-lobby-${randomSuffix()}`, {});
    const s = await spammer(lobby);
    assert.equal((await api(`/_synapse/admin/v2/users/${enc(s.userId)}`, { method: "PUT", token: owner.creds.accessToken, body: { locked: true } })).status, 200);
    startRuntime(runtimes);
    const view = await startSpamCleanupJob(owner, spamCleanupSchema.parse({ userIds: [s.userId], steps: ["redact", "rooms", "deactivate"] }));
    const job = await jobEnded(view.id);
    assert.equal(job.status, "completed", job.message ?? "");
    const items = (await listItems(view.id, {}, { skip: 0, take: 5 })).rows;
    assert.deepEqual(items.map((i) => i.status), ["ok", "skipped", "ok"]);
    assert.match(messageIn(items[1].message ?? ""), /is locked, so it cannot leave rooms in its own name\. Deactivating it/);
    assert.deepEqual(await spamBodies(lobby, s.userId), [null]);
    let joined: string[] = ["?"];
    for (let i = 0; i < 50 && joined.length > 0; i++, await sleep(200)) {
      joined = (await admin<{ joined_rooms: string[] }>(`/_synapse/admin/v1/users/${enc(s.userId)}/joined_rooms`)).body.joined_rooms;
    }
    assert.deepEqual(joined, [], "deactivation parted the user from every room");

    const other = await spammer(lobby);
    await api(`/_synapse/admin/v2/users/${enc(other.userId)}`, { method: "PUT", token: owner.creds.accessToken, body: { locked: true } });
    const only = await startSpamCleanupJob(owner, spamCleanupSchema.parse({ userIds: [other.userId], steps: ["rooms"] }));
    assert.equal((await jobEnded(only.id)).status, "completed");
    const [leave] = (await listItems(only.id, {}, { skip: 0, take: 1 })).rows;
    assert.equal(leave.status, "failed");
    assert.match(messageIn(leave.message ?? ""), /Unlock it, or deactivate it/);
  });

  test("bad input sends nothing: no users, no steps, yourself, a remote or unknown user", async () => {
    assert.match(messageIn(cleanupPreviewSchema.safeParse({ userIds: ["  \n "] }).error!.issues[0].message), /Enter at least one user ID/);
    assert.equal(spamCleanupSchema.safeParse({ userIds: [owner.actor], steps: [] }).success, false);
    await assert.rejects(previewSpamCleanup(owner, [owner.actor]), inEnglish(/cannot clean up your own account/));
    await assert.rejects(previewSpamCleanup(owner, ["@x:elsewhere.example"]), inEnglish(/not a user of this homeserver/));
    const ghost = `@it-ghost-${randomSuffix()}:${owner.actor.split(":").slice(1).join(":")}`;
    await assert.rejects(startSpamCleanupJob(owner, spamCleanupSchema.parse({ userIds: [ghost], steps: ["deactivate"] })), inEnglish(/There is no user/));
  });
});
