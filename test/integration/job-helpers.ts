// The job runtime in a test process: runtimes with the portal's kinds (each stands for a portal instance,
// with short leases), and waiting for a job of the runtime to end.
import { after } from "node:test";
import assert from "node:assert/strict";
import { getJob } from "@/lib/db/jobs";
import { forHomeserver, type JobRecord, type PurgeRow } from "@/lib/db/tenant";
import { jobDriver } from "@/lib/jobs/job-driver";
import { registerJobKinds } from "@/lib/jobs/kinds";
import { ENDED } from "@/lib/jobs/jobs";
import { JobRuntime, type RuntimeOptions } from "@/lib/jobs/runtime";
import { sleep } from "@/lib/pool";
import { randomSuffix } from "../../e2e/synapse/testbed";
import { until } from "./until";

const runtimes: JobRuntime[] = [];
after(async () => {
  for (const rt of runtimes) await rt.stop(5000);
});

/** Stops every runtime this file started (a test that plays a dead owner must not race other instances). */
export async function stopTestRuntimes(): Promise<void> {
  for (const rt of runtimes.splice(0)) await rt.stop(5000);
}

/** A started runtime with every kind registered, standing for one portal instance. */
export function testRuntime(name: string, o: Partial<RuntimeOptions> = {}): JobRuntime {
  registerJobKinds();
  const rt = new JobRuntime({ instanceId: `${name}-${randomSuffix()}`, leaseMs: 1500, heartbeatMs: 300, pollMs: 200, concurrency: 4, ...o }).register(jobDriver);
  runtimes.push(rt);
  return rt.start();
}

export { until } from "./until";

/** Waits until the job has ended (or paused) and returns it. */
export function ended(id: number): Promise<JobRecord> {
  return until(`job ${id} ended`, async () => {
    const j = await getJob(id);
    return j && [...ENDED, "paused"].includes(j.status) ? j : null;
  });
}

/** Waits until the job has ended (completed, stopped, cancelled, failed) and returns it. */
export async function jobEnded(homeserver: string, id: number, ms = 180_000): Promise<JobRecord> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    const job = await forHomeserver(homeserver).jobs.get(id);
    assert.ok(job, `job ${id} on ${homeserver}`);
    if (ENDED.includes(job.status)) return job;
  }
  throw new Error(`job ${id} did not end within ${ms} ms`);
}

/** Waits for a job to end and returns the history row it kept for `target` (a room, a user, or null). */
export async function jobPurgeRecord(homeserver: string, id: number, target: string | null): Promise<PurgeRow> {
  await jobEnded(homeserver, id);
  const row = await forHomeserver(homeserver).purges.ofJob(id, target);
  assert.ok(row, `job ${id} kept a purge record for ${target}`);
  return row;
}
