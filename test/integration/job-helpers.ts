// The job runtime in a test process: a runtime with the portal's kinds (each test file stands for one or
// more portal instances), and waiting for a job of the runtime to end.
import { after } from "node:test";
import assert from "node:assert/strict";
import { forHomeserver, type JobRecord, type PurgeRow } from "@/lib/db/tenant";
import { jobDriver } from "@/lib/jobs/job-driver";
import { registerJobKinds } from "@/lib/jobs/kinds";
import { ENDED } from "@/lib/jobs/jobs";
import { JobRuntime, type RuntimeOptions } from "@/lib/jobs/runtime";
import { randomSuffix } from "../../e2e/synapse/testbed";

const runtimes: JobRuntime[] = [];
after(async () => {
  for (const rt of runtimes) await rt.stop(5000);
});

/** A started runtime with every kind registered, standing for one portal instance. */
export function testRuntime(name: string, o: Partial<RuntimeOptions> = {}): JobRuntime {
  registerJobKinds();
  const rt = new JobRuntime({ instanceId: `${name}-${randomSuffix()}`, leaseMs: 3000, heartbeatMs: 500, pollMs: 200, concurrency: 4, ...o }).register(jobDriver);
  runtimes.push(rt);
  return rt.start();
}

/** Waits until the job has ended (completed, stopped, cancelled, failed) and returns it. */
export async function jobEnded(homeserver: string, id: number, ms = 180_000): Promise<JobRecord> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
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
