// The job runtime's leases on a real, migrated database (SQLite here, PostgreSQL in scripts/test-pg.sh):
// two runtimes in one process stand for two portal instances sharing the database. The kind below has no
// Synapse side; it records each item's effect in memory the way real kinds change Synapse (mark in flight,
// act, record), and looks an in-flight item up before acting again.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createJob, getJob, LeaseLost, requestJobCancel, setItemFenced, updateJobFenced, listItems } from "@/lib/db/jobs";
import { claimNext } from "@/lib/db/leases";
import { jobDriver, registerJobKind, type RunningJob } from "@/lib/jobs/job-driver";
import { JobRuntime, type RuntimeOptions } from "@/lib/jobs/runtime";
import { sleep } from "@/lib/pool";
import { randomSuffix } from "../../e2e/synapse/testbed";

const HS = `https://runtime-${randomSuffix()}.example.org`;
const effects = new Map<string, string[]>(); // item key -> instances that acted on it
let stepMs = 40;

async function runCounting(job: RunningJob) {
  for (let after = -1; ; ) {
    const [item] = await job.items(["pending", "in-flight"], after, 1);
    if (!item) break;
    after = item.seq;
    if (job.cancelled() || job.interrupted()) break;
    // An item a dead owner left in flight: look at the "remote side" before acting again.
    if (item.status === "in-flight" && effects.has(item.key)) {
      await job.setItem(item.id, "ok", "found done");
      continue;
    }
    await job.setItem(item.id, "in-flight");
    await sleep(stepMs);
    const by = effects.get(item.key) ?? [];
    effects.set(item.key, [...by, job.lease.owner]);
    await job.setItem(item.id, "ok");
    await job.update({ done: job.job.done + 1 });
    job.job.done++;
  }
  return { status: "completed" as const, message: null };
}
registerJobKind({ kind: "test.count", needsCredential: false, run: runCounting });

const runtimes: JobRuntime[] = [];
function runtime(name: string, o: Partial<RuntimeOptions> = {}): JobRuntime {
  const rt = new JobRuntime({ instanceId: `${name}-${randomSuffix()}`, leaseMs: 1500, heartbeatMs: 300, pollMs: 200, concurrency: 4, ...o }).register(jobDriver);
  runtimes.push(rt);
  return rt;
}
after(async () => {
  for (const rt of runtimes) await rt.stop(2000);
});

async function newJob(n: number): Promise<{ id: number; keys: string[] }> {
  const keys = Array.from({ length: n }, (_, i) => `item-${randomSuffix()}-${i}`);
  const id = await createJob({ kind: "test.count", homeserver: HS, actor: "@admin:example.org", params: {}, items: keys });
  return { id, keys };
}

async function until<T>(what: string, f: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    const v = await f();
    if (v) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("job runtime leases", () => {
  test("an instance that dies mid-job is taken over after its lease expires; no item is done twice", async () => {
    stepMs = 60;
    const { id, keys } = await newJob(20);
    const a = runtime("a").start();
    await until("a few items done on A", async () => ((await getJob(id))!.done >= 5 ? true : null));
    const ownerA = (await getJob(id))!.owner;
    a.kill();
    const killedAt = Date.now();
    const b = runtime("b").start();
    const job = await until("the job completed on B", async () => {
      const j = await getJob(id);
      return j?.status === "completed" ? j : null;
    });
    assert.notEqual(job.owner, ownerA, "the job ended under another owner");
    assert.ok(job.fence >= 2, `claimed at least twice (fence ${job.fence})`);
    assert.ok(Date.now() - killedAt >= 1000, "B waited for A's lease to expire");
    for (const k of keys) assert.equal(effects.get(k)?.length, 1, `${k} acted on ${effects.get(k)?.length ?? 0} times`);
    const items = await listItems(id, {}, { skip: 0, take: 100 });
    assert.deepEqual(new Set(items.rows.map((r) => r.status)), new Set(["ok"]));
    assert.ok(effects.get(keys[keys.length - 1])![0].startsWith("b-"), "B did the last items");
    await b.stop(2000);
  });

  test("a stale owner's writes are fenced off once another instance claimed the job", async () => {
    const { id } = await newJob(1);
    const stale = await claimNext({ table: "job", statuses: ["queued"], skip: [], owner: "stale", leaseMs: 300 });
    assert.equal(stale?.id, id);
    await sleep(400);
    const fresh = await claimNext({ table: "job", statuses: ["queued"], skip: [], owner: "fresh", leaseMs: 10_000 });
    assert.equal(fresh?.id, id);
    assert.equal(fresh!.fence, stale!.fence + 1);
    await assert.rejects(updateJobFenced(stale!, { done: 99 }), LeaseLost);
    const [item] = (await listItems(id, {}, { skip: 0, take: 1 })).rows;
    await assert.rejects(setItemFenced(stale!, item.id, "ok"), LeaseLost);
    await updateJobFenced(fresh!, { done: 1 });
    assert.equal((await getJob(id))!.done, 1);
    assert.equal((await listItems(id, {}, { skip: 0, take: 1 })).rows[0].status, "pending");
  });

  test("two instances claiming at once: every job runs on exactly one of them", async () => {
    stepMs = 5;
    const jobs = await Promise.all(Array.from({ length: 8 }, () => newJob(3)));
    const a = runtime("pa").start();
    const b = runtime("pb").start();
    for (const j of jobs) await until(`job ${j.id} completed`, async () => ((await getJob(j.id))!.status === "completed" ? true : null));
    for (const j of jobs) {
      for (const k of j.keys) assert.equal(effects.get(k)?.length, 1, `${k} acted on once`);
      assert.equal((await getJob(j.id))!.fence, 1, `job ${j.id} was claimed once`);
    }
    await Promise.all([a.stop(2000), b.stop(2000)]);
  });

  test("a cancel asked through the database stops the job on the instance that runs it", async () => {
    stepMs = 100;
    const { id, keys } = await newJob(30);
    const a = runtime("ca").start();
    await until("started", async () => ((await getJob(id))!.done >= 2 ? true : null));
    assert.equal(await requestJobCancel(HS, id, "@other-admin:example.org"), "cancelling");
    const job = await until("cancelled", async () => {
      const j = await getJob(id);
      return j?.status === "cancelled" ? j : null;
    });
    assert.match(job.message ?? "", /Cancelled by @other-admin:example.org/);
    const items = await listItems(id, {}, { skip: 0, take: 100 });
    const skipped = items.rows.filter((r) => r.status === "skipped").length;
    assert.ok(skipped > 0 && skipped < 30, `${skipped} items skipped`);
    assert.equal(items.rows.filter((r) => r.status === "in-flight" || r.status === "pending").length, 0);
    assert.equal(keys.filter((k) => effects.has(k)).length, 30 - skipped);
    assert.equal(await requestJobCancel("https://other.example.org", id, "@x:other"), null, "another homeserver cannot touch it");
    await a.stop(2000);
  });

  test("on shutdown an instance gives its lease back: another one continues at once, not after the expiry", async () => {
    stepMs = 100;
    const { id, keys } = await newJob(15);
    const a = runtime("sa", { leaseMs: 60_000, heartbeatMs: 20_000 }).start();
    await until("started on A", async () => ((await getJob(id))!.done >= 2 ? true : null));
    assert.equal(await a.stop(5000), true, "A's run stopped within the grace period");
    const released = await getJob(id);
    assert.equal(released!.leaseUntil, null, "the lease was given back");
    assert.equal(released!.status, "running", "the job is left to continue, not ended");
    const startedB = Date.now();
    const b = runtime("sb", { leaseMs: 60_000, heartbeatMs: 20_000 }).start();
    await until("completed on B", async () => ((await getJob(id))!.status === "completed" ? true : null));
    assert.ok(Date.now() - startedB < 30_000, "B did not wait for a 60 s lease to expire");
    for (const k of keys) assert.equal(effects.get(k)?.length, 1);
    await b.stop(2000);
  });
});
