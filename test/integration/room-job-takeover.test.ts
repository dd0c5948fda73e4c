// Room jobs survive their instance: two runtimes in one process stand for two portal instances on one
// database, against the real test Synapse. What is checked on Synapse itself: the room is gone, and it was
// deleted by exactly one delete task (no second start after the takeover).
import { execFileSync } from "node:child_process";
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { forHomeserver } from "@/lib/db/tenant";
import { claimNext } from "@/lib/db/leases";
import { setItemFenced } from "@/lib/db/jobs";
import { credentialFor } from "@/lib/jobs/job-credential";
import { deleteParamsOf } from "@/lib/jobs/room-kinds";
import { startRoomDeleteJob } from "@/lib/jobs/room-tasks";
import { getRoom } from "@/lib/synapse/rooms";
import { sleep } from "@/lib/pool";
import { adminToken, api, loadTestbed, randomSuffix } from "../../e2e/synapse/testbed";
import { backgroundUpdatesIdle, createMember, seedRoom, sendText } from "../../e2e/rooms-fixtures";
import { jobEnded, testRuntime } from "./job-helpers";

const tb = loadTestbed();
let creds: { baseUrl: string; accessToken: string };
let owner: { userId: string; token: string };
const ctx = () => ({ creds, actor: `@it-takeover-${randomSuffix()}:example.org`, homeserver: tb.baseUrl });
const OPTIONS = { block: true, purge: true, forcePurge: false };

before(async () => {
  creds = { baseUrl: tb.baseUrl, accessToken: await adminToken() };
  owner = await createMember(`it-tk-owner-${randomSuffix()}`);
  await backgroundUpdatesIdle();
});

async function until<T>(what: string, f: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(25)) {
    const v = await f();
    if (v) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Synapse's own tasks of one kind for the room (by default its deletes), whatever started them. */
async function deleteTasks(roomId: string, action = "shutdown_and_purge_room"): Promise<string[]> {
  const r = await api<{ scheduled_tasks: { id: string }[] }>(
    `/_synapse/admin/v1/scheduled_tasks?resource_id=${encodeURIComponent(roomId)}&action_name=${action}`,
    { token: creds.accessToken },
  );
  assert.equal(r.status, 200);
  return r.body.scheduled_tasks.map((t) => t.id);
}

describe("room delete jobs across instances", () => {
  test("an instance killed after Synapse accepted the delete: another one follows it to the end, nothing is started twice", async () => {
    const c = ctx();
    const roomId = await seedRoom(owner, `it-takeover-${randomSuffix()}`, { messages: ["x"] });
    const a = testRuntime("a", { leaseMs: 2000, heartbeatMs: 400 });
    const id = await startRoomDeleteJob(c, [roomId], OPTIONS);
    const accepted = await until("Synapse accepted the delete on A", async () => {
      const row = await forHomeserver(c.homeserver).purges.ofJob(id, roomId);
      return row?.synapseTaskId ? row : null;
    });
    const onA = (await forHomeserver(c.homeserver).jobs.get(id))!;
    a.kill();
    const item = (await forHomeserver(c.homeserver).jobs.listItems(id, {}, { skip: 0, take: 1 }))!.rows[0];
    assert.equal(item.status, "in-flight", "A died with the room in flight");

    const b = testRuntime("b", { leaseMs: 2000, heartbeatMs: 400 });
    const job = await jobEnded(c.homeserver, id);
    await b.stop(2000);
    assert.equal(job.status, "completed", job.message ?? "");
    assert.notEqual(job.owner, onA.owner, "another instance finished it");
    assert.ok(job.fence > onA.fence, `claimed again (fence ${onA.fence} → ${job.fence})`);
    assert.equal(job.credential, null, "the sealed credential is dropped at the end");
    assert.equal(await getRoom(creds, roomId), null, "the room is gone on Synapse");
    assert.deepEqual(await deleteTasks(roomId), [accepted.synapseTaskId], "one delete task on Synapse");
    const row = await forHomeserver(c.homeserver).purges.ofJob(id, roomId);
    assert.deepEqual([row?.status, row?.synapseTaskId, row?.error], ["ok", accepted.synapseTaskId, null]);
    const rows = await forHomeserver(c.homeserver).purges.list({ actor: c.actor }, { skip: 0, take: 10 });
    assert.equal(rows.total, 1, "one history row for the room");
  });

  test("a room left in flight before its task id was stored: the next owner adopts Synapse's task instead of starting another", async () => {
    const c = ctx();
    const roomId = await seedRoom(owner, `it-adopt-${randomSuffix()}`);
    const jobs = forHomeserver(c.homeserver).jobs;
    const id = await jobs.create({ kind: "room.delete", actor: c.actor, params: deleteParamsOf(OPTIONS, 1), items: [roomId], credential: await credentialFor({ creds, actor: c.actor }, "test", false) });
    // A dead owner: it claimed the job, marked the room in flight, made the history row, sent the delete
    // to Synapse, and died before storing the task id.
    const lease = await claimNext({ table: "job", statuses: ["queued"], kinds: ["room.delete"], skip: [], owner: "dead", leaseMs: 300 });
    assert.equal(lease?.id, id);
    const [item] = (await jobs.listItems(id, {}, { skip: 0, take: 1 }))!.rows;
    await setItemFenced(lease!, item.id, "in-flight");
    await forHomeserver(c.homeserver).purges.start({ actor: c.actor, kind: "room.delete", target: roomId, scope: deleteParamsOf(OPTIONS, 1), jobId: id });
    const started = await api<{ delete_id: string }>(`/_synapse/admin/v2/rooms/${encodeURIComponent(roomId)}`, { method: "DELETE", token: creds.accessToken, body: { block: true, purge: true } });
    assert.equal(started.status, 200);
    await sleep(400); // the dead owner's lease expires

    const rt = testRuntime("c");
    const job = await jobEnded(c.homeserver, id);
    await rt.stop(2000);
    assert.equal(job.status, "completed", job.message ?? "");
    assert.deepEqual(await deleteTasks(roomId), [started.body.delete_id], "Synapse's task was adopted, not repeated");
    const row = await forHomeserver(c.homeserver).purges.ofJob(id, roomId);
    assert.deepEqual([row?.status, row?.synapseTaskId], ["ok", started.body.delete_id]);
    assert.equal(await getRoom(creds, roomId), null);
  });

  test("Synapse unreachable when a delete starts: the job looks again and retries until Synapse is back, one task", async () => {
    const c = ctx();
    const roomId = await seedRoom(owner, `it-outage-${randomSuffix()}`);
    const rt = testRuntime("e");
    const testbed = (cmd: "stop" | "resume") => execFileSync("bash", ["e2e/synapse/testbed.sh", cmd], { stdio: "ignore", env: process.env });
    testbed("stop");
    let id: number;
    try {
      id = await startRoomDeleteJob(c, [roomId], OPTIONS);
      await until("the room in flight", async () => (await forHomeserver(c.homeserver).jobs.listItems(id, {}, { skip: 0, take: 1 }))!.rows[0].status === "in-flight");
      await sleep(2500); // a start or two fail meanwhile
      assert.equal((await forHomeserver(c.homeserver).jobs.get(id))?.status, "running", "the job waits for Synapse, it does not give up");
    } finally {
      testbed("resume");
    }
    const job = await jobEnded(c.homeserver, id);
    await rt.stop(2000);
    assert.equal(job.status, "completed", job.message ?? "");
    assert.equal(await getRoom(creds, roomId), null);
    assert.equal((await deleteTasks(roomId)).length, 1, "one delete task on Synapse");
  });

  test("a history purge whose start may have been sent is looked up on Synapse the same way", async () => {
    const c = ctx();
    const roomId = await seedRoom(owner, `it-adopt-purge-${randomSuffix()}`, { messages: ["old"] });
    await sleep(20);
    const params = { target: { beforeTs: Date.now() }, deleteLocalEvents: false };
    await sleep(20);
    await sendText(owner.token, roomId, "new");
    const jobs = forHomeserver(c.homeserver).jobs;
    const id = await jobs.create({ kind: "room.purge-history", actor: c.actor, params, items: [roomId], credential: await credentialFor({ creds, actor: c.actor }, "test", false) });
    const lease = await claimNext({ table: "job", statuses: ["queued"], kinds: ["room.purge-history"], skip: [], owner: "dead", leaseMs: 300 });
    assert.equal(lease?.id, id);
    const [item] = (await jobs.listItems(id, {}, { skip: 0, take: 1 }))!.rows;
    await setItemFenced(lease!, item.id, "in-flight");
    await forHomeserver(c.homeserver).purges.start({ actor: c.actor, kind: "room.purge-history", target: roomId, scope: {}, jobId: id });
    const started = await api<{ purge_id: string }>(`/_synapse/admin/v1/purge_history/${encodeURIComponent(roomId)}`, {
      method: "POST",
      token: creds.accessToken,
      body: { purge_up_to_ts: params.target.beforeTs, delete_local_events: false },
    });
    assert.equal(started.status, 200);
    await sleep(400);

    const rt = testRuntime("d");
    const job = await jobEnded(c.homeserver, id);
    await rt.stop(2000);
    assert.equal(job.status, "completed", job.message ?? "");
    assert.deepEqual(await deleteTasks(roomId, "purge_history"), [started.body.purge_id], "Synapse's purge was adopted, not repeated");
    assert.equal((await forHomeserver(c.homeserver).purges.ofJob(id, roomId))?.synapseTaskId, started.body.purge_id);
  });
});
